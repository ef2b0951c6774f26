import { describe, expect, it } from 'vitest';
import { type FireSpan, judgeFires } from './link-fires';

const at = (board: number, channel: number) => ({ board, channel });

describe('matching fires to open calls after a soak', () => {
  it('finds nothing wrong when each call fired its door once', () => {
    const fires = [at(0, 1), at(0, 2), at(0, 1)];
    const calls = new Map<string, FireSpan[]>([
      [
        '0:1',
        [
          { from: 0, to: 1 },
          { from: 2, to: 3 },
        ],
      ],
      ['0:2', [{ from: 0, to: 2 }]],
    ]);
    expect(judgeFires(fires, calls)).toEqual({ doubleOpens: 0, firesOutsideAnOpen: 0 });
  });

  it('counts a call during which its door fired twice', () => {
    const fires = [at(0, 1), at(0, 1)];
    const calls = new Map([['0:1', [{ from: 0, to: 2 }]]]);
    expect(judgeFires(fires, calls)).toEqual({ doubleOpens: 1, firesOutsideAnOpen: 0 });
  });

  it('catches a late refire after its call returned, between calls or inside the next one', () => {
    // Door 0:1 fires for call A (0..1); a late refire of A lands at index 1, before call B began.
    const between = judgeFires(
      [at(0, 1), at(0, 1), at(0, 1)],
      new Map([
        [
          '0:1',
          [
            { from: 0, to: 1 },
            { from: 2, to: 3 },
          ],
        ],
      ]),
    );
    expect(between).toEqual({ doubleOpens: 0, firesOutsideAnOpen: 1 });
    // The refire lands while call B is running: B sees two fires.
    const inside = judgeFires(
      [at(0, 1), at(0, 1), at(0, 1)],
      new Map([
        [
          '0:1',
          [
            { from: 0, to: 1 },
            { from: 1, to: 3 },
          ],
        ],
      ]),
    );
    expect(inside).toEqual({ doubleOpens: 1, firesOutsideAnOpen: 0 });
  });

  it('counts a fire of a door nobody opened', () => {
    expect(judgeFires([at(1, 5)], new Map())).toEqual({ doubleOpens: 0, firesOutsideAnOpen: 1 });
  });
});
