/**
 * The check bytes of the board dialects, written here from the public descriptions so that the
 * simulated boards share no code with the driver's codecs (a wrong byte must not be wrong on
 * both sides of the wire).
 */

/** Kerong CU16: the low byte of the sum of every earlier byte of the frame. */
export function sum8(bytes: Uint8Array): number {
  let sum = 0;
  for (const b of bytes) sum += b;
  return sum & 0xff;
}

/** Generic "8A/80" boards: the XOR of every earlier byte of the frame. */
export function xor8(bytes: Uint8Array): number {
  let x = 0;
  for (const b of bytes) x ^= b;
  return x;
}

/** CRC-16/MODBUS (poly 0xA001 reflected, init 0xFFFF); sent low byte first. */
export function crc16Modbus(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (const b of bytes) {
    crc ^= b;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

/** `bytes` followed by its CRC-16/MODBUS, low byte first. */
export function withCrc(bytes: readonly number[]): Buffer {
  const body = Buffer.from(bytes);
  const crc = crc16Modbus(body);
  return Buffer.concat([body, Buffer.from([crc & 0xff, crc >>> 8])]);
}
