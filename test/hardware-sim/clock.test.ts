import { describe, expect, it } from 'vitest';
import { ManualScheduler, PreciseScheduler } from '../../hardware-sim/clock';

describe('schedulers', () => {
  it('the manual clock runs due tasks in deadline order, ties in insertion order', () => {
    const clock = new ManualScheduler();
    const ran: string[] = [];
    clock.at(5, () => ran.push('b'));
    clock.at(1, () => ran.push('a'));
    clock.at(5, () => ran.push('c'));
    const cancel = clock.at(3, () => ran.push('cancelled'));
    cancel();
    clock.advance(4);
    expect(ran).toEqual(['a']);
    clock.advance(1);
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(clock.now()).toBe(5);
  });

  it('the precise scheduler runs tasks in deadline order and never before their time', async () => {
    const clock = new PreciseScheduler();
    const ran: { name: string; late: number }[] = [];
    const start = clock.now();
    const done = new Promise<void>((resolve) => {
      for (const [name, offset] of [
        ['c', 12],
        ['a', 0.5],
        ['b', 6],
        ['b2', 6],
      ] as const) {
        clock.at(start + offset, () => {
          ran.push({ name, late: clock.now() - (start + offset) });
          if (ran.length === 4) resolve();
        });
      }
    });
    await done;
    clock.stop();
    expect(ran.map((r) => r.name)).toEqual(['a', 'b', 'b2', 'c']);
    expect(ran.every((r) => r.late >= 0)).toBe(true);
  });
});
