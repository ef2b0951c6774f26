/**
 * The slice of a pino logger the link uses, so a pino child logger plugs in as it is. Only
 * ids, addresses, codes and raw frames (hex, at trace) are logged: frames carry no personal data.
 */
export interface LinkLogger {
  trace(fields: object, message?: string): void;
  debug(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
  /** pino's level check: raw frames are hex-encoded only when trace is on. */
  isLevelEnabled?(level: string): boolean;
}

const ignore = () => {};
export const SILENT_LOGGER: LinkLogger = {
  trace: ignore,
  debug: ignore,
  info: ignore,
  warn: ignore,
  error: ignore,
};
