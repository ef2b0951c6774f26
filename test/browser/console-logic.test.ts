import { describe, expect, it } from 'vitest';
import { monthBefore } from '../../src/pages/staff/reports.js';
import { doorState } from '../../src/pages/tech/bank.js';

/** The pages' pure logic, run in Node: what the technician's drawing calls each door, and months back. */
const door = (over: Record<string, unknown> = {}) => ({
  lockerId: 4,
  door: 4,
  bank: 0,
  board: 0,
  channel: 3,
  size: 'S',
  inService: true,
  outOfServiceReason: null,
  assigned: false,
  unsettledOperation: false,
  reading: { open: false, locked: true, present: false },
  ...over,
});

describe('door state in the technician drawing', () => {
  const none = new Set<number>();
  it('reads free, reserved, holding and open from the ledger and the board', () => {
    expect(doorState(door(), none)).toBe('free');
    expect(doorState(door({ assigned: true }), none)).toBe('reserved');
    expect(
      doorState(door({ assigned: true, reading: { open: false, locked: true, present: true } }), none),
    ).toBe('holding');
    // A board without presence sensors: an assigned door is taken to hold its dossier.
    expect(
      doorState(door({ assigned: true, reading: { open: false, locked: true, present: null } }), none),
    ).toBe('holding');
    expect(
      doorState(door({ assigned: true, reading: { open: true, locked: false, present: true } }), none),
    ).toBe('open');
    expect(doorState(door({ reading: null }), none)).toBe('free');
  });

  it('out of service outranks a jam, a jam outranks an open door', () => {
    const open = { open: true, locked: false, present: false };
    expect(doorState(door({ reading: open }), new Set([4]))).toBe('jammed');
    expect(doorState(door({ reading: open, inService: false }), new Set([4]))).toBe('outOfService');
    expect(doorState(door({ reading: open }), new Set([5]))).toBe('open');
  });
});

describe('months back for the report trend', () => {
  it('crosses the year boundary', () => {
    expect(monthBefore('2026-03', 0)).toBe('2026-03');
    expect(monthBefore('2026-03', 2)).toBe('2026-01');
    expect(monthBefore('2026-03', 3)).toBe('2025-12');
    expect(monthBefore('2026-01', 13)).toBe('2024-12');
  });
});
