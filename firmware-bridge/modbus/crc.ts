/**
 * CRC-16/MODBUS: reflected polynomial 0xA001 (0x8005), initial value 0xFFFF, no final xor; sent
 * low byte first. The check value of the ASCII bytes "123456789" is 0x4B37.
 */
const TABLE = buildTable();

function buildTable(): Uint16Array {
  const table = new Uint16Array(256);
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
    table[byte] = crc;
  }
  return table;
}

/** CRC of bytes[start, end): 16-bit unsigned. */
export function modbusCrc(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0xffff;
  for (let i = start; i < end; i++) crc = (crc >>> 8) ^ TABLE[(crc ^ bytes[i]!) & 0xff]!;
  return crc;
}

/** True when the two bytes at `end` are the CRC of bytes[start, end), low byte first. */
export function modbusCrcMatches(bytes: Uint8Array, start: number, end: number): boolean {
  const crc = modbusCrc(bytes, start, end);
  return bytes[end] === (crc & 0xff) && bytes[end + 1] === crc >>> 8;
}
