import { modbusCrc } from './crc';
import {
  MODBUS_COIL_OFF,
  MODBUS_COIL_ON,
  MODBUS_EXCEPTION_BIT,
  MODBUS_MAX_READ_BITS,
  MODBUS_REQUEST_BYTES,
  ModbusFunction,
  type ModbusReply,
  type ModbusRequest,
  WaveshareCoil,
} from './types';

/** Thrown when asked to write a frame the board could not read, or one we never send. */
export class ModbusEncodeError extends Error {
  readonly code = 'MODBUS_ENCODE';
  constructor(detail: string) {
    super(`cannot encode Modbus frame: ${detail}`);
    this.name = 'ModbusEncodeError';
  }
}

/**
 * A request as the host writes it: reads of coils (FC01) or inputs (FC02), and single-coil
 * writes (FC05). Refused, because each can open more than one door: unit 0 (a broadcast that
 * every board on the bus executes), coil 0x00FF (every relay) and 0x01FF (toggle every relay),
 * FC0F (many coils in one write). Any other function is refused as unused.
 */
export function encodeModbusRequest(request: ModbusRequest): Buffer {
  const unit = unitOf(request.unit);
  const address = word(request.address, 'address');
  const value = word(request.value, 'value');
  switch (request.function) {
    case ModbusFunction.readCoils:
    case ModbusFunction.readDiscreteInputs:
      if (value < 1 || value > MODBUS_MAX_READ_BITS)
        throw new ModbusEncodeError(`a read of ${value} bits is not 1-${MODBUS_MAX_READ_BITS}`);
      break;
    case ModbusFunction.writeSingleCoil:
      checkCoilWrite(address, value);
      break;
    case ModbusFunction.writeMultipleCoils:
      throw new ModbusEncodeError('FC 0x0F writes many coils at once: refused');
    default:
      throw new ModbusEncodeError(`function 0x${hex(request.function)} is not used by this controller`);
  }
  const frame = Buffer.allocUnsafe(MODBUS_REQUEST_BYTES);
  frame[0] = unit;
  frame[1] = request.function;
  frame.writeUInt16BE(address, 2);
  frame.writeUInt16BE(value, 4);
  return withCrc(frame);
}

/** A reply as a board writes it (for simulators and tests). */
export function encodeModbusReply(reply: ModbusReply): Buffer {
  const unit = unitOf(reply.unit);
  switch (reply.kind) {
    case 'bits': {
      if (reply.function !== ModbusFunction.readCoils && reply.function !== ModbusFunction.readDiscreteInputs)
        throw new ModbusEncodeError(`function 0x${hex(reply.function)} returns no bits`);
      if (reply.data.length < 1 || reply.data.length > MODBUS_MAX_READ_BITS / 8)
        throw new ModbusEncodeError(`${reply.data.length} data bytes is not 1-250`);
      const frame = Buffer.allocUnsafe(reply.data.length + 5);
      frame[0] = unit;
      frame[1] = reply.function;
      frame[2] = reply.data.length;
      reply.data.copy(frame, 3);
      return withCrc(frame);
    }
    case 'write': {
      const frame = Buffer.allocUnsafe(MODBUS_REQUEST_BYTES);
      frame[0] = unit;
      frame[1] = ModbusFunction.writeSingleCoil;
      frame.writeUInt16BE(word(reply.address, 'address'), 2);
      frame.writeUInt16BE(word(reply.value, 'value'), 4);
      return withCrc(frame);
    }
    case 'exception': {
      if (!Number.isInteger(reply.function) || reply.function < 1 || reply.function >= MODBUS_EXCEPTION_BIT)
        throw new ModbusEncodeError(`function 0x${hex(reply.function)} is not 01-7F`);
      if (!Number.isInteger(reply.code) || reply.code < 1 || reply.code > 0xff)
        throw new ModbusEncodeError(`exception code ${reply.code} is not 1-255`);
      return withCrc(Buffer.from([unit, reply.function | MODBUS_EXCEPTION_BIT, reply.code, 0, 0]));
    }
  }
}

/** Coil writes this controller may send: one relay on or off, or one relay's timed flash. */
function checkCoilWrite(address: number, value: number): void {
  if (address === WaveshareCoil.allRelays)
    throw new ModbusEncodeError('coil 0x00FF switches every relay: refused');
  if (address === WaveshareCoil.toggleAll)
    throw new ModbusEncodeError('coil 0x01FF toggles every relay: refused');
  const page = address & 0xff00;
  if ((address & 0xff) === 0xff)
    throw new ModbusEncodeError(`coil 0x${hex(address, 4)} addresses every relay: refused`);
  if (page === WaveshareCoil.relayBase) {
    if (value !== MODBUS_COIL_ON && value !== MODBUS_COIL_OFF)
      throw new ModbusEncodeError(`a relay is switched with FF00 or 0000, not ${hex(value, 4)}`);
    return;
  }
  if (page === WaveshareCoil.flashOnBase || page === WaveshareCoil.flashOffBase) {
    if (value < 1) throw new ModbusEncodeError('a flash of 0 x 100 ms does nothing');
    return;
  }
  throw new ModbusEncodeError(`coil 0x${hex(address, 4)} is not a relay or a relay's flash`);
}

function withCrc(frame: Buffer): Buffer {
  const end = frame.length - 2;
  const crc = modbusCrc(frame, 0, end);
  frame[end] = crc & 0xff;
  frame[end + 1] = crc >>> 8;
  return frame;
}

function unitOf(value: number): number {
  if (value === 0) throw new ModbusEncodeError('unit 0 is a broadcast every board executes: refused');
  if (!Number.isInteger(value) || value < 1 || value > 255)
    throw new ModbusEncodeError(`unit ${value} outside 1..255`);
  return value;
}

function word(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xffff)
    throw new ModbusEncodeError(`${what} ${value} outside 0..65535`);
  return value;
}

function hex(value: number, digits = 2): string {
  return value.toString(16).toUpperCase().padStart(digits, '0');
}
