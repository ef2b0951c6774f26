import { describe, expect, it } from 'vitest';
import { type InFlight, type LinkCommand, REFUSAL_REASONS } from '../../../firmware-bridge/driver/commands';
import { flashUnits, modbusDialect } from '../../../firmware-bridge/driver/modbus-dialect';
import {
  encodeModbusReply,
  GENERIC_RELAY_PROFILE,
  type ModbusProfile,
  WAVESHARE_8CH_PROFILE,
} from '../../../firmware-bridge/modbus/codec';
import type { ModbusFrame } from '../../../firmware-bridge/modbus/types';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').toUpperCase().match(/../g)!.join(' ');
const bytes = (text: string) => Buffer.from(text.replace(/ /g, ''), 'hex');
const inFlight = (command: LinkCommand): InFlight => ({ command, seq: 1 });
const status = (board: number) => inFlight({ kind: 'status', board });
const open = (board: number, channel: number, pulseMs = 700) =>
  inFlight({ kind: 'open', door: { board, channel }, pulseMs });

/** Frames as a connection's decoder reads them off the wire. */
function heard(profile: ModbusProfile, units: number[], wire: Buffer): ModbusFrame[] {
  return modbusDialect(profile, units)
    .newDecoder()
    .push(wire)
    .flatMap((d) => (d.kind === 'frame' ? [d.frame] : []));
}

/** Frames from the Waveshare wiki "Modbus RTU Relay" and, for unit 255, the csdn article (codec tests). */
describe('Modbus dialect: commands on the wire', () => {
  const dialect = modbusDialect(WAVESHARE_8CH_PROFILE, [1]);

  it('opens door 0 of unit 1 for 700 ms with the wiki flash-on frame', () => {
    expect(hex(dialect.encode(open(1, 0).command, 1))).toBe('01 05 02 00 00 07 8D B0');
  });

  it('reads the door inputs of unit 1 with the wiki FC02 frame, or the relays on a coils profile', () => {
    expect(hex(dialect.encode(status(1).command, 1))).toBe('01 02 00 00 00 08 79 CC');
    const coils = modbusDialect({ ...WAVESHARE_8CH_PROFILE, statusRead: 'coils' }, [1]);
    expect(hex(coils.encode(status(1).command, 1))).toBe('01 01 00 00 00 08 3D CC');
  });

  it('rounds a pulse up to whole 100 ms units, at least one and at most the profile allows', () => {
    expect(flashUnits(700, WAVESHARE_8CH_PROFILE)).toBe(7);
    expect(flashUnits(701, WAVESHARE_8CH_PROFILE)).toBe(8);
    expect(flashUnits(0, WAVESHARE_8CH_PROFILE)).toBe(1);
    expect(flashUnits(60_000, WAVESHARE_8CH_PROFILE)).toBe(WAVESHARE_8CH_PROFILE.maxFlashUnits);
  });

  it('never sends to unit 0, to a relay the board lacks, or a HELLO', () => {
    expect(() => dialect.encode(status(0).command, 1)).toThrow(/broadcast/);
    expect(() => dialect.encode(open(1, 8).command, 1)).toThrow(/relay 8/);
    expect(() => dialect.encode({ kind: 'hello' }, 1)).toThrow(/no hello/);
  });
});

describe('Modbus dialect: what a reply means', () => {
  const dialect = modbusDialect(WAVESHARE_8CH_PROFILE, [1, 2]);

  it('acks an open with the echo of its flash-on write', () => {
    const [echo] = heard(WAVESHARE_8CH_PROFILE, [1], bytes('01 05 02 00 00 07 8D B0'));
    expect(dialect.interpret(echo!, open(1, 0))).toEqual({ kind: 'reply', reply: { kind: 'open_ack' } });
  });

  it('takes the echo of another coil or value, or from another unit, for a stray', () => {
    const echo = { kind: 'write' as const, unit: 1, address: 0x0200, value: 7 };
    expect(dialect.interpret({ ...echo, address: 0x0201 }, open(1, 0)).kind).toBe('stray');
    expect(dialect.interpret({ ...echo, value: 8 }, open(1, 0)).kind).toBe('stray');
    expect(dialect.interpret({ ...echo, unit: 2 }, open(1, 0)).kind).toBe('stray');
  });

  it('reads the wiki input reply (none triggered) as eight open doors on a contact that closes when shut', () => {
    const [frame] = heard(WAVESHARE_8CH_PROFILE, [1], bytes('01 02 01 00 A1 88'));
    expect(dialect.interpret(frame!, status(1))).toEqual({
      kind: 'reply',
      reply: {
        kind: 'status',
        reading: { board: 1, doors: Array(8).fill({ locked: false, open: true, present: null }) },
      },
    });
  });

  it('reads the same reply as eight shut doors with the other input polarity', () => {
    const profile = { ...WAVESHARE_8CH_PROFILE, inputOpenWhenSet: true };
    const meaning = modbusDialect(profile, [1]).interpret(
      { kind: 'bits', unit: 1, function: 0x02, data: bytes('00') },
      status(1),
    );
    expect(
      meaning.kind === 'reply' && meaning.reply.kind === 'status' && meaning.reply.reading.doors[0],
    ).toEqual({
      locked: true,
      open: false,
      present: null,
    });
  });

  it('reads coils as relay state on a coils profile: a relay on is an unlocked door', () => {
    const coils = modbusDialect({ ...WAVESHARE_8CH_PROFILE, statusRead: 'coils' }, [1]);
    const meaning = coils.interpret({ kind: 'bits', unit: 1, function: 0x01, data: bytes('01') }, status(1));
    expect(
      meaning.kind === 'reply' && meaning.reply.kind === 'status' && meaning.reply.reading.doors.slice(0, 2),
    ).toEqual([
      { locked: false, open: false, present: null },
      { locked: true, open: false, present: null },
    ]);
  });

  it('takes a reply from another unit, of the other read, or too short, for a stray', () => {
    const bits = { kind: 'bits' as const, unit: 1, function: 0x02, data: bytes('00') };
    expect(dialect.interpret({ ...bits, unit: 2 }, status(1)).kind).toBe('stray');
    expect(dialect.interpret({ ...bits, function: 0x01 }, status(1)).kind).toBe('stray');
    const sixteen = modbusDialect({ ...WAVESHARE_8CH_PROFILE, relays: 16 }, [1]);
    expect(sixteen.interpret(bits, status(1)).kind).toBe('stray');
  });

  it('takes a board that answers a few coils with all eight (seen on Waveshare boards) as it is', () => {
    const four = modbusDialect({ ...WAVESHARE_8CH_PROFILE, relays: 4 }, [1]);
    const meaning = four.interpret({ kind: 'bits', unit: 1, function: 0x02, data: bytes('F0') }, status(1));
    expect(
      meaning.kind === 'reply' && meaning.reply.kind === 'status' && meaning.reply.reading.doors,
    ).toHaveLength(4);
  });

  it('makes an exception a NAK that the link treats as a refusal when the board cannot have acted', () => {
    for (const code of [0x01, 0x02, 0x03]) {
      const exception = encodeModbusReply({ kind: 'exception', unit: 1, function: 0x05, code });
      const [frame] = heard(WAVESHARE_8CH_PROFILE, [1], exception);
      const meaning = dialect.interpret(frame!, open(1, 0));
      expect(
        meaning.kind === 'reply' && meaning.reply.kind === 'nak' && REFUSAL_REASONS.has(meaning.reply.reason),
      ).toBe(true);
    }
  });

  it('makes a device failure, busy or gateway exception a NAK that is not a refusal (the relay may have fired)', () => {
    for (const code of [0x04, 0x05, 0x06, 0x0a, 0x0b]) {
      const meaning = dialect.interpret({ kind: 'exception', unit: 1, function: 0x05, code }, open(1, 0));
      expect(meaning.kind).toBe('reply');
      expect(
        meaning.kind === 'reply' && meaning.reply.kind === 'nak' && REFUSAL_REASONS.has(meaning.reply.reason),
      ).toBe(false);
    }
  });

  it('takes an exception from another unit or to another function for a stray', () => {
    const exception = { kind: 'exception' as const, unit: 1, function: 0x05, code: 0x02 };
    expect(dialect.interpret({ ...exception, unit: 2 }, open(1, 0)).kind).toBe('stray');
    expect(dialect.interpret({ ...exception, function: 0x02 }, open(1, 0)).kind).toBe('stray');
    expect(dialect.interpret(exception, null).kind).toBe('stray');
  });

  it('ignores a request on the bus (our own echo of a read)', () => {
    expect(dialect.interpret({ unit: 1, function: 0x02, address: 0, value: 8 }, status(1)).kind).toBe(
      'stray',
    );
  });

  it('listens only to the configured units: a generic board on unit 255', () => {
    const generic = modbusDialect(GENERIC_RELAY_PROFILE, [255]);
    const frames = generic
      .newDecoder()
      .push(bytes('01 02 01 00 A1 88  FF 02 01 01 51 A0'))
      .flatMap((d) => (d.kind === 'frame' ? [d.frame] : []));
    expect(frames).toEqual([{ kind: 'bits', unit: 255, function: 0x02, data: bytes('01') }]);
    expect(hex(generic.encode(status(255).command, 1))).toBe('FF 02 00 00 00 08 6C 12');
  });
});
