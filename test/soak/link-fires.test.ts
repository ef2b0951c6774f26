import { describe, expect, it } from 'vitest';
import { type FireSpan, judgeFires } from './link-fires';

const at = (board: number, channel: number) => ({ board, channel });
const span = (from: number, to: number, maybeExecuted = false): FireSpan => ({ from, to, maybeExecuted });
const counts = (v: ReturnType<typeof judgeFires>) => ({
  doubleOpens: v.doubleOpens,
  firesOutsideAnOpen: v.firesOutsideAnOpen,
});

describe('matching fires to open calls after a soak', () => {
  it('finds nothing wrong when each call fired its door once', () => {
    const fires = [at(0, 1), at(0, 2), at(0, 1)];
    const calls = new Map([
      ['0:1', [span(0, 1), span(2, 3)]],
      ['0:2', [span(0, 2)]],
    ]);
    expect(judgeFires(fires, calls)).toEqual({ doubleOpens: 0, firesOutsideAnOpen: 0, examples: [] });
  });

  it('counts a call during which its door fired twice', () => {
    const verdict = judgeFires([at(0, 1), at(0, 1)], new Map([['0:1', [span(0, 2)]]]));
    expect(counts(verdict)).toEqual({ doubleOpens: 1, firesOutsideAnOpen: 0 });
    expect(verdict.examples).toEqual([{ door: '0:1', fire: 1, why: 'double' }]);
  });

  it('catches a late refire after its call returned, between calls or inside the next one', () => {
    const between = judgeFires([at(0, 1), at(0, 1), at(0, 1)], new Map([['0:1', [span(0, 1), span(2, 3)]]]));
    expect(counts(between)).toEqual({ doubleOpens: 1, firesOutsideAnOpen: 0 });
    const inside = judgeFires([at(0, 1), at(0, 1), at(0, 1)], new Map([['0:1', [span(0, 1), span(1, 3)]]]));
    expect(counts(inside)).toEqual({ doubleOpens: 1, firesOutsideAnOpen: 0 });
  });

  it('gives a late first fire to a call that ended "maybe executed", and only one', () => {
    const late = judgeFires([at(0, 1)], new Map([['0:1', [span(0, 0, true)]]]));
    expect(counts(late)).toEqual({ doubleOpens: 0, firesOutsideAnOpen: 0 });
    const twice = judgeFires([at(0, 1), at(0, 1)], new Map([['0:1', [span(0, 0, true)]]]));
    expect(counts(twice)).toEqual({ doubleOpens: 1, firesOutsideAnOpen: 0 });
  });

  it('counts a fire no call can own: before any call, or after one that cannot have executed', () => {
    expect(counts(judgeFires([at(1, 5)], new Map()))).toEqual({ doubleOpens: 0, firesOutsideAnOpen: 1 });
    const afterRefusal = judgeFires([at(0, 1)], new Map([['0:1', [span(0, 0)]]]));
    expect(counts(afterRefusal)).toEqual({ doubleOpens: 0, firesOutsideAnOpen: 1 });
  });
});
