import { readFileSync } from 'node:fs';
import { looksLikePinHash } from '../domain/staff-pin';
import type { Config } from './config';
import { ConfigError, type ConfigProblem } from './errors';
import { resolveConfig } from './resolve';
import { type ConfigRules, checkConfig } from './validate';

export const DEFAULT_CONFIG_FILE = 'config/default.json';

export interface LoadOptions {
  /** LOCKER_CONFIG picks the file, PORT overrides http.port (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Relative paths in the file and LOCKER_CONFIG are taken from here (default process.cwd()). */
  readonly cwd?: string;
  /** Says whether a PIN hash has the format the staff login checks (default: the scrypt format). */
  readonly isPinHash?: ConfigRules['isPinHash'];
  /** The notifier's rule for the kiosk name in texts (the daemon passes it; absent: not checked). */
  readonly smsName?: ConfigRules['smsName'];
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
    throw new ConfigError(file, { field: '', reason: `not valid JSON at ${where}: ${message}` });
  }
}

/** PORT from the environment, checked like a field of the file. */
function portOverride(raw: string | undefined, problems: ConfigProblem[]): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const port = Number(raw);
  if (/^\d+$/.test(raw) && port <= 65535) return port;
  problems.push({ field: 'PORT', reason: `"${raw}" is not a port number 0-65535` });
  return undefined;
}

/**
 * Checks a configuration document and returns it resolved. Every problem found is reported at
 * once, one line per field, in one ConfigError.
 */
export function parseConfig(file: string, text: string, options: LoadOptions = {}): Config {
  const env = options.env ?? process.env;
  const data = parseJson(file, text);
  const problems: ConfigProblem[] = [];
  const port = portOverride(env.PORT, problems);
  const result = checkConfig(data, {
    isPinHash: options.isPinHash ?? looksLikePinHash,
    ...(options.smsName ? { smsName: options.smsName } : {}),
  });
  if (!result.ok) problems.push(...result.problems);
  if (problems.length > 0 || !result.ok) throw new ConfigError(file, problems);
  const { doc } = result.checked;
  const checked =
    port === undefined ? result.checked : { ...result.checked, doc: { ...doc, http: { ...doc.http, port } } };
  return resolveConfig({ file, cwd: options.cwd ?? process.cwd() }, checked);
}

/** Reads the file LOCKER_CONFIG names (default config/default.json) and checks it. */
export function loadConfig(options: LoadOptions = {}): Config {
  const env = options.env ?? process.env;
  const file = env.LOCKER_CONFIG || DEFAULT_CONFIG_FILE;
  let text: string;
  try {
    text = readFileSync(file.startsWith('/') ? file : `${options.cwd ?? process.cwd()}/${file}`, 'utf8');
  } catch (error) {
    const reason = `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
    throw new ConfigError(file, { field: '', reason });
  }
  return parseConfig(file, text, options);
}
