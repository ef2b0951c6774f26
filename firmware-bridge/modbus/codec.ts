/** The Modbus RTU relay + input boards' codec: frames, the stream decoder, bits and profiles. */
export { readModbusBits, writeModbusBits } from './bits';
export { modbusCrc, modbusCrcMatches } from './crc';
export { ModbusDecoder, type ModbusDecoderOptions, type ModbusDirection } from './decoder';
export { encodeModbusReply, encodeModbusRequest, ModbusEncodeError } from './frame';
export {
  checkModbusProfile,
  GENERIC_RELAY_PROFILE,
  type ModbusProfile,
  modbusSilenceMs,
  WAVESHARE_8CH_PROFILE,
} from './profile';
