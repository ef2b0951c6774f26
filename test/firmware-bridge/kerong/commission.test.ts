import { describe, expect, it } from 'vitest';
import {
  type CommissionReading,
  judgeCommissioning,
  probeKerongBus,
} from '../../../firmware-bridge/driver/commission-probe';
import { FakeKerongBoards } from '../driver/fake-kerong-board';
import { ManualClock } from '../driver/manual-clock';

/** Data bytes L1-8 L9-16 IR1-8 IR9-16 of a status reply, as in kerong-lib's BoardState. */
const reading = (board: number, data: number[], channels = 16): CommissionReading => ({
  board,
  replyCommand: 0x35,
  data,
  channels,
});

describe('the commissioning judgement (every door shut and empty)', () => {
  it("finds kerong-lib's polarity (hook bit 0 = locked) when every hook bit reads 0", () => {
    const verdict = judgeCommissioning([reading(0, [0, 0, 0, 0]), reading(1, [0, 0, 0, 0])]);
    expect(verdict.confidence).toBe('high');
    expect(verdict.overrides).toEqual({ hookActiveHigh: false, infraredActiveHigh: true });
    expect(verdict.explanation.join('\n')).toMatch(
      /opposite hook polarity would read 32 of 32 shut doors as open/,
    );
  });

  it("finds lkaas-kerong's polarity (latch bit 1 = closed) when every hook bit reads 1", () => {
    const verdict = judgeCommissioning([reading(0, [0xff, 0xff, 0, 0])]);
    expect(verdict.confidence).toBe('high');
    expect(verdict.overrides).toMatchObject({ hookActiveHigh: true, infraredActiveHigh: true });
  });

  it('tells the bit order from the unwired locks of a 12-lock board', () => {
    // Locks 9-12 wired, engaged (1); 13-16 absent (0): msb-first puts them in the top bits.
    expect(judgeCommissioning([reading(0, [0xff, 0x0f, 0, 0], 12)]).overrides).toEqual({
      hookActiveHigh: true,
      infraredActiveHigh: true,
    });
    expect(judgeCommissioning([reading(0, [0xff, 0xf0, 0, 0], 12)]).overrides).toMatchObject({
      bitOrder: 'msb-first',
    });
  });

  it('names a door that reads open or loaded, and lowers its confidence', () => {
    const verdict = judgeCommissioning([reading(0, [0xff, 0xfe, 0x04, 0])]);
    expect(verdict.confidence).toBe('low');
    expect(verdict.misfits).toEqual([
      { board: 0, channel: 2, hookEngaged: true, itemPresent: true },
      { board: 0, channel: 8, hookEngaged: false, itemPresent: false },
    ]);
    expect(verdict.explanation.join('\n')).toMatch(/0:2 loaded, 0:8 open/);
  });

  it('keeps the usual byte layout when a door of a six-door board was left loaded', () => {
    // Door 3 loaded: the swapped layout would read the unwired bytes (hooks ff, infrared 00) and
    // "fit" all six doors; the usual layout misses one, the door the technician must empty.
    const verdict = judgeCommissioning([reading(0, [0xff, 0xff, 0x04, 0], 6)]);
    expect(verdict.confidence).toBe('low');
    expect(verdict.overrides).toEqual({ hookActiveHigh: true, infraredActiveHigh: true });
    expect(verdict.misfits).toEqual([{ board: 0, channel: 2, hookEngaged: true, itemPresent: true }]);
  });

  it('says nothing fits when half the doors read each way, and proposes no overrides', () => {
    const verdict = judgeCommissioning([reading(0, [0xff, 0x00, 0, 0])]);
    expect(verdict.confidence).toBe('none');
    expect(verdict.overrides).toBeNull();
  });
});

/** The probe over a CU16 bus at 19200 baud, 300 ms a reply, as the technician's console runs it. */
const probe = (bus: FakeKerongBoards, clock: ManualClock, boards: number[], attempts: number) =>
  probeKerongBus({
    bus: () => bus.connect(),
    boards,
    channels: 16,
    baudRate: 19200,
    timeoutMs: 300,
    attempts,
    clock,
  });

describe('the commissioning probe on a bus', () => {
  it('reads every board with status reads only, never an unlock, and judges the polarity', async () => {
    const clock = new ManualClock();
    const bus = new FakeKerongBoards(clock, { boards: 2, locks: 16, hookBitOneEngaged: false, echo: true });
    const result = await clock.run(probe(bus, clock, [0, 1], 3));
    expect(result.silent).toEqual([]);
    expect(result.verdict.overrides).toEqual({ hookActiveHigh: false, infraredActiveHigh: true });
    // Every frame the boards received was a status read (CMD 0x30): 02 00 30 03 35, 02 10 30 03 45.
    expect(bus.received).toEqual(['0200300335', '0210300345']);
    expect(bus.fires).toEqual([]);
  });

  it('reports a board that never answers, after its attempts, and still writes no unlock', async () => {
    const clock = new ManualClock();
    const bus = new FakeKerongBoards(clock, { boards: 2, locks: 16 });
    bus.dead.add(1);
    const result = await clock.run(probe(bus, clock, [0, 1], 3));
    expect(result.silent).toEqual([1]);
    expect(bus.received.every((hex) => hex.slice(4, 6) === '30')).toBe(true);
    expect(bus.received).toHaveLength(4);
  });

  it('refuses a board beyond 0-9 before touching the bus', async () => {
    const clock = new ManualClock();
    const bus = new FakeKerongBoards(clock);
    await expect(probe(bus, clock, [15], 1)).rejects.toThrow(/0-9/);
    expect(bus.received).toEqual([]);
  });
});
