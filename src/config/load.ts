import { readFileSync } from 'node:fs';
import type { Config } from './config';
import { ConfigError, ConfigErrors } from './errors';
import { validate } from './format-errors';
import { checkHttpSettings } from './http-check';
import { checkLockerEntries, expandLockers } from './lockers';
import { looksLikePinHash } from './pin-hash';
import { resolveConfig } from './resolve';
import { type ConfigFile, ConfigSchema } from './schema';

export const DEFAULT_CONFIG_FILE = 'config/default.json';

export interface LoadOptions {
  /** LOCKER_CONFIG picks the file, PORT overrides http.port (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Relative paths in the file and LOCKER_CONFIG are taken from here (default process.cwd()). */
  readonly cwd?: string;
  /** Says whether a PIN hash has the format the staff login checks. */
  readonly isPinHash?: (hash: string) => boolean;
}

/** "line 3, column 7" of a character offset, for a broken JSON file. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message.replace(/\s*\(line \d+ column \d+\)$/, '');
    const at = /at position (\d+)/.exec(message);
    const where = at ? lineAndColumn(text, Number(at[1])) : `end of file (${text.length} characters)`;
    throw new ConfigError(file, '', `not valid JSON at ${where}: ${message}`);
  }
}

function portOverride(file: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535)
    throw new ConfigError(file, 'PORT', `"${raw}" is not a port number 0-65535`);
  return port;
}

/**
 * Checks a configuration document and returns it resolved. Every schema problem is reported at
 * once (ConfigErrors); cross-field rules stop at the first (ConfigError).
 */
export function parseConfig(file: string, text: string, options: LoadOptions = {}): Config {
  const env = options.env ?? process.env;
  const data = parseJson(file, text);
  const problems = validate(ConfigSchema, data);
  const doc = data as ConfigFile;
  const entries: unknown = (data as { lockers?: unknown } | null)?.lockers;
  if (Array.isArray(entries)) {
    const objects = entries.map((e) => (e !== null && typeof e === 'object' && !Array.isArray(e) ? e : null));
    problems.push(...checkLockerEntries(objects));
  }
  if (problems.length > 0)
    throw new ConfigErrors(problems.map((p) => new ConfigError(file, p.field, p.reason)));
  const lockers = expandLockers(file, doc.lockers, doc.buses.length);
  const port = portOverride(file, env.PORT);
  const withPort: ConfigFile = port === undefined ? doc : { ...doc, http: { ...doc.http, port } };
  const config = resolveConfig(
    { file, cwd: options.cwd ?? process.cwd(), isPinHash: options.isPinHash ?? looksLikePinHash },
    withPort,
    lockers,
  );
  checkHttpSettings(config);
  return config;
}

/** Reads the file LOCKER_CONFIG names (default config/default.json) and checks it. */
export function loadConfig(options: LoadOptions = {}): Config {
  const env = options.env ?? process.env;
  const file = env.LOCKER_CONFIG || DEFAULT_CONFIG_FILE;
  let text: string;
  try {
    text = readFileSync(file.startsWith('/') ? file : `${options.cwd ?? process.cwd()}/${file}`, 'utf8');
  } catch (error) {
    throw new ConfigError(
      file,
      '',
      `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  return parseConfig(file, text, options);
}
