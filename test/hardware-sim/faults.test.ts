import { describe, expect, it } from 'vitest';
import { Bank } from '../../hardware-sim/bank';
import { ManualScheduler } from '../../hardware-sim/clock';
import { Faults } from '../../hardware-sim/faults';
import { seededRandom } from '../../hardware-sim/prng';

function faults(seed = 42) {
  const bank = new Bank(1, { doors: 4, springMs: 0, cooldownMs: 0 }, new ManualScheduler());
  const link = { garbage: [] as Buffer[], disconnects: 0 };
  const f = new Faults(seededRandom(seed), bank, {
    injectGarbage: (bytes) => link.garbage.push(bytes),
    disconnect: () => link.disconnects++,
  });
  return { bank, link, faults: f };
}

const reply = Buffer.from('<5 ACK PING*ABCD\n');

function bitsDiffering(a: Buffer, b: Buffer): number {
  let bits = 0;
  for (let i = 0; i < a.length; i++) for (let x = a[i]! ^ b[i]!; x; x >>= 1) bits += x & 1;
  return bits;
}

describe('fault knobs', () => {
  it('passes a reply untouched when no fault is set', () => {
    expect(faults().faults.shape(reply)).toEqual([{ chunks: [reply], delayMs: 0 }]);
  });

  it('drops exactly the next N replies', () => {
    const { faults: f } = faults();
    f.dropNext(2);
    expect([f.shape(reply), f.shape(reply), f.shape(reply)].map((t) => t.length)).toEqual([0, 0, 1]);
    expect(f.counters.dropped).toBe(2);
  });

  it('corrupts a reply by flipping exactly one bit', () => {
    const { faults: f } = faults();
    f.corruptNext(1);
    const [sent] = f.shape(reply);
    const bytes = Buffer.concat(sent!.chunks);
    expect(bytes.length).toBe(reply.length);
    expect(bitsDiffering(bytes, reply)).toBe(1);
  });

  it('duplicates a reply', () => {
    const { faults: f } = faults();
    f.duplicateNext(1);
    const sent = f.shape(reply).map((t) => Buffer.concat(t.chunks).toString());
    expect(sent).toEqual([reply.toString(), reply.toString()]);
  });

  it('delays the next N replies by the given time, then by the standing delay', () => {
    const { faults: f } = faults();
    f.delayNext(1, 250);
    f.delay = { probability: 1, ms: 40 };
    expect([f.shape(reply)[0]!.delayMs, f.shape(reply)[0]!.delayMs]).toEqual([250, 40]);
  });

  it('fragments a reply into small chunks that add up to it', () => {
    const { faults: f } = faults();
    f.fragment = true;
    const [sent] = f.shape(reply);
    expect(sent!.chunks.length).toBeGreaterThan(reply.length / 3 - 1);
    expect(sent!.chunks.every((c) => c.length >= 1 && c.length <= 3)).toBe(true);
    expect(Buffer.concat(sent!.chunks)).toEqual(reply);
  });

  it('draws probabilistic faults from the seed: the same seed gives the same run', () => {
    const run = (seed: number) => {
      const { faults: f } = faults(seed);
      f.drop = 0.3;
      return Array.from({ length: 200 }, () => f.shape(reply).length);
    };
    const a = run(7);
    expect(run(7)).toEqual(a);
    const dropped = a.filter((n) => n === 0).length;
    expect(dropped).toBeGreaterThan(20);
    expect(dropped).toBeLessThan(100);
  });

  it('puts garbage on the line and pulls the cable through the link', () => {
    const { faults: f, link } = faults();
    f.garbage(9);
    f.disconnect();
    expect(link.garbage.map((g) => g.length)).toEqual([9]);
    expect(link.disconnects).toBe(1);
  });

  it('sets physical faults on the doors', () => {
    const { faults: f, bank } = faults();
    f.jam(0, 1);
    f.stuckSensor(0, 2, 'open');
    f.flicker(0, 3);
    f.refuseOpens(0);
    f.uncommandedOpen(0, 0);
    expect(bank.truth(0, 1).jammed).toBe(true);
    expect(bank.truth(0, 2).sensor).toBe('stuck_open');
    expect(bank.truth(0, 3).sensor).toBe('flicker');
    expect(bank.fire(0, 1, 'x')).toBe('refused');
    expect(bank.truth(0, 0).doorOpen).toBe(true);
    f.stuckSensor(0, 2, 'off');
    expect(bank.truth(0, 2).sensor).toBe('none');
    expect(() => f.boardFault(0, 'bad code')).toThrow(/fault code/);
  });
});
