/**
 * Modbus RTU as the Waveshare-style relay + input boards (8/16/32 channels, and their clones)
 * speak it: `UNIT FC ... CRC`, CRC-16/MODBUS low byte first, 9600 8N1 by default. Relays are
 * coils from 0, door sensors discrete inputs from 0. Sources: the Waveshare wiki "Modbus RTU
 * Relay" (development protocol), nobrega8/mbmap-library maps/waveshare, the Modbus over Serial
 * Line specification V1.02 (framing, t3.5).
 */
export const ModbusFunction = {
  readCoils: 0x01,
  readDiscreteInputs: 0x02,
  writeSingleCoil: 0x05,
  /** Writes many coils at once: never encoded; decoded from a host so a simulator can refuse it. */
  writeMultipleCoils: 0x0f,
} as const;

/** An exception reply carries the request's function code with this bit set. */
export const MODBUS_EXCEPTION_BIT = 0x80;

/**
 * Single-coil write addresses of the Waveshare boards (wiki, "flash on/off"): 0x00RR switches
 * relay RR on (value FF00) or off (0000); 0x02RR switches it on and the board switches it off
 * again after `value` x 100 ms ("flash on": `01 05 02 00 00 07 8D B0` = relay 1 on for 700 ms);
 * 0x04RR is the reverse ("flash off"). 0x00FF switches every relay at once and 0x01FF toggles
 * every relay: both are refused by the encoder.
 */
export const WaveshareCoil = {
  relayBase: 0x0000,
  flashOnBase: 0x0200,
  flashOffBase: 0x0400,
  allRelays: 0x00ff,
  toggleAll: 0x01ff,
} as const;

export const MODBUS_COIL_ON = 0xff00;
export const MODBUS_COIL_OFF = 0x0000;
/** Flash delays are in units of 100 ms (Waveshare wiki: 0x0007 = 700 ms). */
export const WAVESHARE_FLASH_UNIT_MS = 100;

/** Read requests and single-coil writes are all `UNIT FC ADDR_HI ADDR_LO VAL_HI VAL_LO CRC_LO CRC_HI`. */
export const MODBUS_REQUEST_BYTES = 8;
/** Modbus allows up to 2000 bits in one read (250 data bytes). */
export const MODBUS_MAX_READ_BITS = 2000;

export interface ModbusRequest {
  unit: number;
  function: number;
  /** The first coil or input, or the coil written. */
  address: number;
  /** Reads: how many bits; FC05: the value written; FC0F (decoded only): how many coils. */
  value: number;
  /** FC0F only: the coil bytes. */
  data?: Buffer;
}

export type ModbusReply =
  /** FC01 / FC02: coil or input bits, bit 0 of the first byte the first bit asked. */
  | { kind: 'bits'; unit: number; function: number; data: Buffer }
  /** FC05: the board echoes the request. */
  | { kind: 'write'; unit: number; address: number; value: number }
  /** The board refused: `function` is the request's, without the exception bit. */
  | { kind: 'exception'; unit: number; function: number; code: number };

export type ModbusFrame = ModbusRequest | ModbusReply;

/** Exception codes of the Modbus application protocol specification V1.1b3, section 7. */
export const ModbusException = {
  illegalFunction: 0x01,
  illegalDataAddress: 0x02,
  illegalDataValue: 0x03,
  serverDeviceFailure: 0x04,
  acknowledge: 0x05,
  serverDeviceBusy: 0x06,
  gatewayPathUnavailable: 0x0a,
  gatewayTargetNoResponse: 0x0b,
} as const;
