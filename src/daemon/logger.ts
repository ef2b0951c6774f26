import { createRequire } from 'node:module';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * pino-pretty is loaded only when a person reads the lines: importing it costs 20-35 ms of every
 * start (measured on the 2-core test machine), and under systemd stdout is never a terminal.
 */
const loadPretty = (): typeof import('pino-pretty') =>
  createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty');

export type Layer =
  | 'config'
  | 'store'
  | 'link'
  | 'ledger'
  | 'http'
  | 'notify'
  | 'devices'
  | 'daemon'
  | 'demo';

/** How log lines are written: for a person at a terminal, or as JSON for journald and tools. */
export type LogFormat = 'pretty' | 'json';

/** A terminal has a person in front of it; anything else (journald, a pipe, a file) gets JSON. */
export function logFormatFor(isTTY: boolean | undefined): LogFormat {
  return isTTY === true ? 'pretty' : 'json';
}

/**
 * Lines a person can read: time, level, message, then the fields, one per line. Written
 * synchronously, as pino's own JSON destination is, so the lines before a crash are not lost.
 */
export function prettyDestination(
  destination: number | NodeJS.WritableStream = 1,
  colorize = destination === 1,
): DestinationStream {
  return loadPretty()({
    destination,
    sync: true,
    colorize,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
  });
}

/**
 * The daemon's root logger. Lines carry ids, codes and counts only: every call site logs an
 * allowlist of structured fields, never a request body, a name, a phone number or a secret.
 * Without a destination it writes to stdout, readable when stdout is a terminal and JSON otherwise.
 */
export function createRootLogger(
  level: string,
  kioskCode: string,
  destination?: DestinationStream,
  isTTY = process.stdout.isTTY,
): Logger {
  const options = { level, base: { kiosk: kioskCode }, timestamp: pino.stdTimeFunctions.isoTime };
  const out = destination ?? (logFormatFor(isTTY) === 'pretty' ? prettyDestination() : undefined);
  return out ? pino(options, out) : pino(options);
}

/** One child per layer, so a technician can filter `layer: "link"` out of the journal. */
export function layerLogger(
  root: Logger,
  layer: Layer,
  fields: Record<string, string | number> = {},
): Logger {
  return root.child({ layer, ...fields });
}
