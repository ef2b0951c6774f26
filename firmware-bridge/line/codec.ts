/** The line dialect's codec: one frame <-> one line of bytes (see PROTOCOL.md). */
export { encodeLine } from './encode';
export type { LineParseError, LineParseReason } from './errors';
export { LineEncodeError } from './errors';
export { parseLine } from './parse';
