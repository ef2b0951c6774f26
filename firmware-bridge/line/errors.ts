/** Why a line was not accepted: the two outcomes a board answers with NAK CRC or NAK SYNTAX. */
export type LineParseReason = 'checksum' | 'malformed';

/** Returned (not thrown) by parseLine: noise on a serial line is expected, not exceptional. */
export interface LineParseError {
  type: 'error';
  reason: LineParseReason;
  detail: string;
}

/** Thrown by encodeLine when asked to write a frame no board could accept (a program bug). */
export class LineEncodeError extends Error {
  readonly code = 'LINE_ENCODE';
  constructor(detail: string) {
    super(`cannot encode line frame: ${detail}`);
    this.name = 'LineEncodeError';
  }
}
