import { describe, expect, it } from 'vitest';
import { ManualScheduler } from '../../hardware-sim/clock';
import { Wire } from '../../hardware-sim/wire';

function wire(baud: number | 'instant', reactionMs = 0) {
  const clock = new ManualScheduler();
  return { clock, wire: new Wire(clock, { baud, reactionMs }) };
}

describe('the wire', () => {
  it('takes 10 bits a byte: 192 bytes at 19200 baud take 100 ms', () => {
    const { wire: w } = wire(19200);
    expect(w.timeFor(192)).toBeCloseTo(100, 9);
  });

  it('hands host bytes to the board only once their last bit has arrived', () => {
    const { clock, wire: w } = wire(9600);
    const arrivals: number[] = [];
    const due = w.fromHost(Buffer.alloc(12), () => arrivals.push(clock.now()));
    expect(due).toBeCloseTo(12.5, 9);
    clock.advance(12.4);
    expect(arrivals).toEqual([]);
    clock.advance(0.1);
    expect(arrivals).toHaveLength(1);
    expect(arrivals[0]).toBeCloseTo(12.5, 9);
  });

  it('queues back-to-back host writes behind each other', () => {
    const { clock, wire: w } = wire(10_000); // 1 ms a byte
    const got: string[] = [];
    w.fromHost(Buffer.from('abcd'), (b) => got.push(`${b}@${clock.now()}`));
    w.fromHost(Buffer.from('ef'), (b) => got.push(`${b}@${clock.now()}`));
    clock.advance(10);
    expect(got).toEqual(['abcd@4', 'ef@6']);
    expect(w.stats.bytesToBoard).toBe(6);
  });

  it('writes a reply when it would have finished transmitting, after the reaction time, queued on the busy line', () => {
    const { clock, wire: w } = wire(10_000, 3);
    const got: string[] = [];
    const write = (b: Buffer) => got.push(`${b}@${clock.now()}`);
    w.toHost(Buffer.from('xx'), write, clock.now() + w.reactionMs); // starts at 3, ends at 5
    w.toHost(Buffer.from('yyy'), write); // line busy until 5: ends at 8
    clock.advance(20);
    expect(got).toEqual(['xx@5', 'yyy@8']);
    expect(w.stats).toMatchObject({ bytesToHost: 5, writesToHost: 2, txBusyUntil: 8 });
  });

  it('delivers at once, still in order, in instant mode', () => {
    const { clock, wire: w } = wire('instant');
    const got: string[] = [];
    w.toHost(Buffer.from('a'), (b) => got.push(`${b}`));
    w.fromHost(Buffer.from('b'), (b) => got.push(`${b}`));
    w.toHost(Buffer.from('c'), (b) => got.push(`${b}`));
    clock.flush();
    expect(got).toEqual(['a', 'b', 'c']);
  });

  it('loses what was in flight when the cable is replaced', () => {
    const { clock, wire: w } = wire(1000);
    const got: Buffer[] = [];
    w.toHost(Buffer.from('lost'), (b) => got.push(b));
    clock.advance(5);
    w.reset();
    clock.advance(100);
    expect(got).toEqual([]);
    expect(w.stats.txBusyUntil).toBe(5);
  });
});
