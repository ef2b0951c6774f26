/** The generic 8A/80 lock boards' codec: frames, the stream decoder and the status bits. */
export { EightyDecoder, type EightyDirection } from './decoder';
export { EightyEncodeError, eightyXor, encodeEightyReply, encodeEightyRequest } from './frame';
export { checkEightyProfile, EIGHTY_PROFILE, type EightyProfile } from './profile';
export { type EightyLockState, readEightyBoard, readEightyLockState, writeEightyBoard } from './status';
