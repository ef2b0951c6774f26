import pino, { type DestinationStream, type Logger } from 'pino';

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

/**
 * The daemon's root logger. Lines carry ids, codes and counts only: every call site logs an
 * allowlist of structured fields, never a request body, a name, a phone number or a secret.
 */
export function createRootLogger(level: string, kioskCode: string, destination?: DestinationStream): Logger {
  const options = { level, base: { kiosk: kioskCode }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}

/** One child per layer, so a technician can filter `layer: "link"` out of the journal. */
export function layerLogger(
  root: Logger,
  layer: Layer,
  fields: Record<string, string | number> = {},
): Logger {
  return root.child({ layer, ...fields });
}
