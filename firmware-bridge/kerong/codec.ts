/** The Kerong CU16 dialect's codec: frames, the stream decoder and the status bits. */
export { KerongDecoder, type KerongDirection } from './decoder';
export {
  encodeKerongReply,
  encodeKerongRequest,
  KERONG_MAX_BOARD,
  KerongEncodeError,
  kerongSum,
} from './frame';
export { KERONG_CHANNELS, KerongStatusError, readKerongStatus, writeKerongStatus } from './status';
