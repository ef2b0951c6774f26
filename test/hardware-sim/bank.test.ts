import { describe, expect, it } from 'vitest';
import { Bank, type PhysicalChange } from '../../hardware-sim/bank';
import { ManualScheduler } from '../../hardware-sim/clock';

function bank(options: { springMs?: number; cooldownMs?: number } = {}) {
  const clock = new ManualScheduler();
  const b = new Bank(
    2,
    { doors: 4, springMs: options.springMs ?? 0, cooldownMs: options.cooldownMs ?? 0 },
    clock,
  );
  const changes: PhysicalChange[] = [];
  b.onChange((c) => changes.push(c));
  return { clock, bank: b, changes };
}

describe('a bank of boards', () => {
  it('records every fire with its cause and reports the commanded open', () => {
    const { bank: b, changes } = bank();
    expect(b.fire(1, 2, 'line seq 7')).toBe('ok');
    expect(b.firesFor('line seq 7')).toEqual([
      { at: 0, board: 1, channel: 2, cause: 'line seq 7', bulk: false },
    ]);
    expect(changes).toEqual([{ kind: 'door', board: 1, channel: 2, open: true, commanded: true }]);
    expect(b.counters).toMatchObject({ fires: 1, commandedOpens: 1 });
  });

  it('opens the door only when the spring delay has passed on the clock', () => {
    const { clock, bank: b, changes } = bank({ springMs: 80 });
    b.fire(0, 0, 'c');
    clock.advance(79);
    expect(changes).toEqual([]);
    clock.advance(1);
    expect(changes).toHaveLength(1);
    expect(b.truth(0, 0).doorOpen).toBe(true);
  });

  it('a refusing board does not fire and counts the refusal', () => {
    const { bank: b } = bank();
    b.refuseOpens(0, true);
    expect(b.fire(0, 1, 'c')).toBe('refused');
    expect(b.fires).toEqual([]);
    expect(b.counters.refused).toBe(1);
  });

  it('a channel in cooldown refuses until the cooldown has passed', () => {
    const { clock, bank: b } = bank({ cooldownMs: 500 });
    expect(b.fire(0, 1, 'a')).toBe('ok');
    b.closeDoor(0, 1);
    clock.advance(499);
    expect(b.fire(0, 1, 'b')).toBe('cooldown');
    expect(b.fire(0, 2, 'c')).toBe('ok');
    clock.advance(1);
    expect(b.fire(0, 1, 'd')).toBe('ok');
    expect(b.fires.map((f) => f.cause)).toEqual(['a', 'c', 'd']);
  });

  it('reports closes, presence and a forced door as uncommanded', () => {
    const { bank: b, changes } = bank();
    b.forceOpen(0, 3);
    b.putItem(0, 3);
    b.closeDoor(0, 3);
    expect(changes).toEqual([
      { kind: 'door', board: 0, channel: 3, open: true, commanded: false },
      { kind: 'presence', board: 0, channel: 3, present: true },
      { kind: 'door', board: 0, channel: 3, open: false, commanded: false },
    ]);
    expect(b.counters.uncommandedOpens).toBe(1);
  });

  it('a jammed lock is recorded as fired but no open is seen', () => {
    const { clock, bank: b, changes } = bank({ springMs: 10 });
    b.jam(0, 0, true);
    expect(b.fire(0, 0, 'x')).toBe('ok');
    clock.advance(1000);
    expect(b.fires).toHaveLength(1);
    expect(changes).toEqual([]);
  });

  it('a sensor stuck closed hides a real open from the board', () => {
    const { bank: b, changes } = bank();
    b.setSensor(0, 0, 'stuck_closed');
    b.fire(0, 0, 'x');
    expect(b.truth(0, 0).doorOpen).toBe(true);
    expect(b.read(0, 0).doorOpen).toBe(false);
    expect(changes).toEqual([]);
  });

  it('rejects a board or channel that does not exist', () => {
    const { bank: b } = bank();
    expect(() => b.fire(2, 0, 'x')).toThrow(/no board 2/);
    expect(() => b.closeDoor(0, 4)).toThrow(/no channel 4/);
    expect(b.has(1, 3)).toBe(true);
    expect(b.has(1, 4)).toBe(false);
  });

  it('calls an open commanded only within 5 s of a fire on that channel, as the firmware does', () => {
    const { clock, bank: b, changes } = bank();
    b.jam(0, 1, true);
    b.fire(0, 1, 'x');
    clock.advance(4000);
    b.forceOpen(0, 1); // the jam let go: the board cannot tell it from the spring
    b.closeDoor(0, 1);
    clock.advance(1001);
    b.forceOpen(0, 1);
    expect(changes.filter((c) => c.kind === 'door' && c.open)).toEqual([
      { kind: 'door', board: 0, channel: 1, open: true, commanded: true },
      { kind: 'door', board: 0, channel: 1, open: true, commanded: false },
    ]);
  });

  it('answers cooldown before refusal, as the protocol orders the checks', () => {
    const { bank: b } = bank({ cooldownMs: 1000 });
    b.fire(0, 0, 'a');
    b.refuseOpens(0, true);
    expect(b.fire(0, 0, 'b')).toBe('cooldown');
    expect(b.fire(0, 1, 'c')).toBe('refused');
  });
});
