import { encodeModbusRequest, ModbusDecoder, readModbusBits } from '../modbus/codec';
import type { ModbusProfile } from '../modbus/profile';
import {
  ModbusException,
  type ModbusFrame,
  ModbusFunction,
  type ModbusRequest,
  WAVESHARE_FLASH_UNIT_MS,
  WaveshareCoil,
} from '../modbus/types';
import type { Dialect, InFlight, Interpretation, LinkCommand } from './commands';
import type { DoorReading } from './types';

/**
 * Modbus RTU relay + input boards. A board is a unit (1-255; 0, the broadcast, is refused by the
 * codec); door c is relay c (coil c) and, where wired, door sensor c (discrete input c).
 *
 * - open: the board-timed "flash on" write (FC05 to coil 0x0200 + c, value = pulse in 100 ms
 *   units, at least 1 and at most the profile's maxFlashUnits), answered by an echo of itself;
 * - status: one read, chosen by the profile. 'inputs' (FC02) gives each door's sensor through the
 *   profile's polarity; the board has no lock feedback, and an electric lock engages again on a
 *   shut door, so `locked` is "shut". 'coils' (FC01) gives the relays: `locked` is "relay off",
 *   and `open` is always false, as no door sensor is read;
 * - an exception reply is a NAK: illegal function, address or value are refusals (the board
 *   did not act; the link never retries them); a device failure, busy, acknowledge and gateway
 *   faults are not (the relay may have fired: the open is judged by a status read, as after a
 *   timeout).
 */
export function modbusDialect(profile: ModbusProfile, units: readonly number[]): Dialect<ModbusFrame> {
  const maxBitBytes = Math.ceil(profile.relays / 8);
  return {
    name: 'modbus',
    hasEvents: false,
    dedupesOpens: false,
    newDecoder: () => new ModbusDecoder('replies', { units, maxBitBytes }),
    encode: (command) => encodeModbusRequest(toModbus(command, profile)),
    interpret: (frame, inFlight) => interpret(frame, inFlight, profile),
  };
}

/** The flash length for a pulse: whole 100 ms units, rounded up, within the profile's bounds. */
export function flashUnits(pulseMs: number, profile: ModbusProfile): number {
  const units = Math.ceil(pulseMs / WAVESHARE_FLASH_UNIT_MS);
  return Math.min(Math.max(Number.isFinite(units) ? units : 1, 1), profile.maxFlashUnits);
}

function toModbus(command: LinkCommand, profile: ModbusProfile): ModbusRequest {
  switch (command.kind) {
    case 'status':
      return { unit: command.board, ...statusRead(profile) };
    case 'open': {
      const relay = command.door.channel;
      if (!Number.isInteger(relay) || relay < 0 || relay >= profile.relays)
        throw new RangeError(`relay ${relay} is not 0-${profile.relays - 1} on ${profile.name}`);
      return {
        unit: command.door.board,
        function: ModbusFunction.writeSingleCoil,
        address: WaveshareCoil.flashOnBase + relay,
        value: flashUnits(command.pulseMs, profile),
      };
    }
    default:
      throw new Error(`Modbus relay boards have no ${command.kind} command`);
  }
}

function statusRead(profile: ModbusProfile): Omit<ModbusRequest, 'unit'> {
  const fn = profile.statusRead === 'inputs' ? ModbusFunction.readDiscreteInputs : ModbusFunction.readCoils;
  return { function: fn, address: 0, value: profile.relays };
}

function interpret(frame: ModbusFrame, inFlight: InFlight | null, profile: ModbusProfile): Interpretation {
  if (!('kind' in frame)) return { kind: 'stray', detail: 'a request on the bus (echo?)' };
  if (!inFlight)
    return { kind: 'stray', detail: `${frame.kind} from unit ${frame.unit} with nothing in flight` };
  const command = inFlight.command;
  const unit = command.kind === 'status' ? command.board : command.kind === 'open' ? command.door.board : -1;
  if (frame.unit !== unit)
    return { kind: 'stray', detail: `${frame.kind} from unit ${frame.unit}, not ${unit}` };
  const expected = toModbus(command, profile);
  if (frame.kind === 'exception') {
    if (frame.function !== expected.function)
      return { kind: 'stray', detail: `exception to function ${frame.function}` };
    return { kind: 'reply', reply: { kind: 'nak', reason: nakReason(frame.code) } };
  }
  if (command.kind === 'status' && frame.kind === 'bits' && frame.function === expected.function) {
    if (frame.data.length * 8 < profile.relays)
      return { kind: 'stray', detail: `${frame.data.length} data bytes for ${profile.relays} channels` };
    const bits = readModbusBits(frame.data, profile.relays);
    const doors = bits.map((bit) => reading(bit, profile));
    return { kind: 'reply', reply: { kind: 'status', reading: { board: frame.unit, doors } } };
  }
  if (command.kind === 'open' && frame.kind === 'write') {
    if (frame.address === expected.address && frame.value === expected.value)
      return { kind: 'reply', reply: { kind: 'open_ack' } };
    return { kind: 'stray', detail: `write echo for coil ${frame.address} value ${frame.value}` };
  }
  return { kind: 'stray', detail: `${frame.kind} reply to ${command.kind}` };
}

function reading(bit: boolean, profile: ModbusProfile): DoorReading {
  if (profile.statusRead === 'coils') return { locked: !bit, open: false, present: null };
  const open = bit === profile.inputOpenWhenSet;
  return { locked: !open, open, present: null };
}

/** Exception codes as the link's NAK reasons (driver/commands.ts REFUSAL_REASONS are final). */
function nakReason(code: number): string {
  switch (code) {
    case ModbusException.illegalFunction:
      return 'UNKNOWN';
    case ModbusException.illegalDataAddress:
    case ModbusException.illegalDataValue:
      return 'RANGE';
    case ModbusException.serverDeviceFailure:
      // Failed while acting: the relay may have fired. Judged by a status read, never final.
      return 'DEVICE_FAILURE';
    case ModbusException.gatewayPathUnavailable:
    case ModbusException.gatewayTargetNoResponse:
      return 'GATEWAY';
    default:
      // Acknowledge (still working) or busy: the outcome is unknown until read.
      return 'BUSY';
  }
}
