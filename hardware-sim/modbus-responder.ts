import { crc16Modbus, withCrc } from './checks';
import type { Cancel } from './clock';
import { FrameBuffer } from './frame-buffer';
import { type BoardContext, hexText, type Responder, reportDiscard } from './responder';

/**
 * Modbus RTU relay + input boards (Waveshare "Modbus RTU Relay" and clones), written from the
 * Waveshare wiki's development protocol and nobrega8/mbmap-library's map of it
 * (maps/waveshare/modbus-rtu-relay.mbmap.json), not from the driver's codec.
 * - Unit 1 by default; board index b of the bank is unit b + 1. CRC-16/MODBUS, low byte first.
 * - Relays are coils from 0: FC05 `FF00` on, `0000` off; "flash on" is FC05 to 0x0200 + relay
 *   with the on time in 100 ms units (`01 05 02 00 00 07 8D B0` = relay 1 on for 700 ms), timed
 *   by the board itself; "flash off" is 0x0400 + relay. The reply echoes the request.
 * - FC01 reads the coils, FC02 the discrete inputs: door sensors here, one per relay.
 * - A relay switching on pulses that door's lock (the bank's physics does the rest).
 * - Refused, never executed, with a warning: unit 0 (a broadcast boards accept for writes),
 *   coil 0x00FF / 0x01FF (every relay at once) and FC0F (many coils in one write).
 * - Anything else is answered with a Modbus exception: 01 bad function, 02 bad address, 03 bad value.
 */
export const MODBUS = {
  readCoils: 0x01,
  readInputs: 0x02,
  writeCoil: 0x05,
  writeCoils: 0x0f,
  on: 0xff00,
  off: 0x0000,
  flashOn: 0x0200,
  flashOff: 0x0400,
  allRelays: 0x00ff,
  toggleAll: 0x01ff,
  flashUnitMs: 100,
} as const;

export const ModbusException = { function: 0x01, address: 0x02, value: 0x03 } as const;

const MAX_FRAME = 256;

export class ModbusResponder implements Responder {
  private readonly buffer = new FrameBuffer(MAX_FRAME);
  /** Per board, per relay: on or off. */
  private readonly coils: boolean[][];
  private readonly timers = new Map<string, Cancel>();
  private writes = 0;

  constructor(private readonly ctx: BoardContext) {
    this.coils = ctx.bank.boards.map(() => Array.from({ length: ctx.bank.doorsPerBoard }, () => false));
  }

  /** Whether a relay is on now (for tests and the console). */
  coil(board: number, relay: number): boolean {
    return this.coils[board]?.[relay] ?? false;
  }

  receive(bytes: Buffer): void {
    const overflow = this.buffer.push(bytes);
    if (overflow) reportDiscard(this.ctx, overflow, 'buffer full');
    while (this.buffer.length >= 2) {
      const length = frameLength(this.buffer);
      if (length === null || this.buffer.length < length) return;
      const frame = this.buffer.peek(length);
      const crc = crc16Modbus(frame.subarray(0, length - 2));
      if (frame[length - 2] !== (crc & 0xff) || frame[length - 1] !== crc >>> 8) {
        reportDiscard(this.ctx, this.buffer.take(1), 'bad CRC');
        continue;
      }
      this.answer(this.buffer.take(length));
    }
  }

  reset(): void {
    this.buffer.clear();
  }

  dispose(): void {
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
  }

  private answer(frame: Buffer): void {
    const { hooks, bank, knobs } = this.ctx;
    const unit = frame[0]!;
    const fc = frame[1]!;
    const address = frame.readUInt16BE(2);
    const value = frame.readUInt16BE(4);
    hooks.received({ bytes: frame, text: describe(unit, fc, address, value), accepted: true });
    if (unit === 0) {
      hooks.warn(`modbus: broadcast (unit 0) refused; nothing executed: ${hexText(frame)}`);
      return;
    }
    const board = unit - 1;
    if (board >= bank.boards.length || !knobs.listening(board)) return;
    switch (fc) {
      case MODBUS.writeCoil:
        this.writeCoil(board, frame, address, value);
        return;
      case MODBUS.readCoils:
      case MODBUS.readInputs:
        this.read(board, fc, address, value);
        return;
      case MODBUS.writeCoils:
        hooks.warn(
          `BULK OPEN refused: modbus FC0F (many coils in one write) on unit ${unit}; no relay switched`,
        );
        this.exception(board, fc, ModbusException.function);
        return;
      default:
        this.exception(board, fc, ModbusException.function);
    }
  }

  private writeCoil(board: number, frame: Buffer, address: number, value: number): void {
    const { bank, hooks } = this.ctx;
    const doors = bank.doorsPerBoard;
    if (address === MODBUS.allRelays || address === MODBUS.toggleAll) {
      hooks.warn(
        `BULK OPEN refused: modbus write to coil ${hex4(address)} (every relay) on unit ${board + 1}; no relay switched`,
      );
      this.exception(board, MODBUS.writeCoil, ModbusException.address);
      return;
    }
    const relay = address & 0xff;
    const kind = address & 0xff00;
    if (relay >= doors || (kind !== 0 && kind !== MODBUS.flashOn && kind !== MODBUS.flashOff)) {
      this.exception(board, MODBUS.writeCoil, ModbusException.address);
      return;
    }
    if (kind === 0) {
      if (value !== MODBUS.on && value !== MODBUS.off) {
        this.exception(board, MODBUS.writeCoil, ModbusException.value);
        return;
      }
      this.cancelTimer(board, relay);
      this.setRelay(board, relay, value === MODBUS.on);
    } else {
      if (value === 0 || value > 0x7fff) {
        this.exception(board, MODBUS.writeCoil, ModbusException.value);
        return;
      }
      // Flash on: on now, off after the time; flash off: off now, on after it. Timed by the board.
      const on = kind === MODBUS.flashOn;
      this.cancelTimer(board, relay);
      this.setRelay(board, relay, on);
      const { scheduler } = this.ctx;
      const key = `${board}:${relay}`;
      const cancel = scheduler.at(scheduler.now() + value * MODBUS.flashUnitMs, () => {
        this.timers.delete(key);
        this.setRelay(board, relay, !on);
      });
      this.timers.set(key, cancel);
    }
    const bytes = Buffer.from(frame);
    const unlock = kind === MODBUS.flashOn || (kind === 0 && value === MODBUS.on);
    hooks.send({ kind: 'reply', bytes, text: hexText(bytes), unlock });
  }

  private setRelay(board: number, relay: number, on: boolean): void {
    const coils = this.coils[board]!;
    const was = coils[relay]!;
    coils[relay] = on;
    if (on && !was) {
      this.writes++;
      this.ctx.audit.open(board, relay);
      this.ctx.bank.fire(board, relay, `modbus relay on #${this.writes}`);
    }
  }

  private cancelTimer(board: number, relay: number): void {
    const key = `${board}:${relay}`;
    this.timers.get(key)?.();
    this.timers.delete(key);
  }

  private read(board: number, fc: number, start: number, count: number): void {
    const { bank, knobs, audit, hooks } = this.ctx;
    if (count < 1 || count > 2000) {
      this.exception(board, fc, ModbusException.value);
      return;
    }
    if (start + count > bank.doorsPerBoard) {
      this.exception(board, fc, ModbusException.address);
      return;
    }
    if (fc === MODBUS.readInputs) audit.statusRead(board);
    const data = Buffer.alloc(Math.ceil(count / 8));
    const normal = knobs.polarity(board) === 'normal';
    for (let i = 0; i < count; i++) {
      const ch = start + i;
      let on: boolean;
      if (fc === MODBUS.readCoils) on = this.coils[board]![ch]!;
      else on = !bank.read(board, ch).doorOpen === normal; // normal: the input is on while shut
      if (on) data[i >> 3]! |= 1 << (i % 8);
    }
    const bytes = withCrc([board + 1, fc, data.length, ...data]);
    hooks.send({ kind: 'reply', bytes, text: hexText(bytes) });
  }

  private exception(board: number, fc: number, code: number): void {
    const bytes = withCrc([board + 1, fc | 0x80, code]);
    this.ctx.hooks.send({ kind: 'reply', bytes, text: hexText(bytes) });
  }
}

/** Request length by function code; null while the length is not yet known. */
function frameLength(buffer: FrameBuffer): number | null {
  const fc = buffer.at(1)!;
  if (fc === 0x0f || fc === 0x10) {
    const count = buffer.at(6);
    return count === undefined ? null : 9 + count;
  }
  return 8; // FC01-06 and anything unknown: unit, fc, two words, CRC
}

function hex4(n: number): string {
  return `0x${n.toString(16).padStart(4, '0')}`;
}

function describe(unit: number, fc: number, address: number, value: number): string {
  const kind = address & 0xff00;
  if (fc === MODBUS.writeCoil && kind === MODBUS.flashOn)
    return `unit ${unit} flash on relay ${address & 0xff} for ${value * MODBUS.flashUnitMs} ms`;
  if (fc === MODBUS.writeCoil && kind === MODBUS.flashOff)
    return `unit ${unit} flash off relay ${address & 0xff} for ${value * MODBUS.flashUnitMs} ms`;
  if (fc === MODBUS.writeCoil)
    return `unit ${unit} relay ${hex4(address)} ${value === MODBUS.on ? 'on' : value === 0 ? 'off' : hex4(value)}`;
  if (fc === MODBUS.readCoils) return `unit ${unit} read ${value} coils from ${address}`;
  if (fc === MODBUS.readInputs) return `unit ${unit} read ${value} inputs from ${address}`;
  return `unit ${unit} function 0x${fc.toString(16).padStart(2, '0')}`;
}
