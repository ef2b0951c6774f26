/** The fire-record indices [from, to) that one open call of one door covered, and how it ended. */
export interface FireSpan {
  from: number;
  to: number;
  /** The call ended link_down with the open possibly executed: it may still fire, once, later. */
  maybeExecuted: boolean;
}

export interface FireVerdict {
  /** Open calls whose door fired more than once for them, late refires included. */
  doubleOpens: number;
  /** Fires that belong to no open call of their door. */
  firesOutsideAnOpen: number;
  /** The first few offending fires, by index in the fire record, for the report. */
  examples: { door: string; fire: number; why: 'double' | 'outside' }[];
}

/**
 * Judged once the run is over, so a refire that comes after its open call returned is still
 * seen. Each fire belongs to the open call of its door that was running when it happened; a
 * fire between calls belongs to the call before it only if that call ended "maybe executed"
 * and had not fired (its command was still on its way to the board). A call with two fires is
 * a double open; a fire no call can own is counted apart. Calls on one door must not overlap
 * (the soak gives each door to one worker), so the match is unambiguous.
 */
export function judgeFires(
  fires: readonly { board: number; channel: number }[],
  calls: ReadonlyMap<string, readonly FireSpan[]>,
): FireVerdict {
  const byDoor = new Map<string, number[]>();
  fires.forEach((f, i) => {
    const key = `${f.board}:${f.channel}`;
    const list = byDoor.get(key);
    if (list) list.push(i);
    else byDoor.set(key, [i]);
  });
  const verdict: FireVerdict = { doubleOpens: 0, firesOutsideAnOpen: 0, examples: [] };
  const offence = (door: string, fire: number, why: 'double' | 'outside') => {
    if (why === 'double') verdict.doubleOpens++;
    else verdict.firesOutsideAnOpen++;
    if (verdict.examples.length < 10) verdict.examples.push({ door, fire, why });
  };
  for (const [door, indices] of byDoor) {
    const spans = calls.get(door) ?? [];
    const owned = new Array<number>(spans.length).fill(0);
    let s = 0; // the first call that had not ended by this fire
    for (const i of indices) {
      while (s < spans.length && spans[s]!.to <= i) s++;
      let owner: number | null = null;
      if (s < spans.length && spans[s]!.from <= i) owner = s;
      else if (s > 0 && spans[s - 1]!.maybeExecuted && owned[s - 1] === 0) owner = s - 1;
      else if (s > 0 && owned[s - 1]! > 0) owner = s - 1; // a late refire of the call before
      if (owner === null) {
        offence(door, i, 'outside');
        continue;
      }
      owned[owner]!++;
      if (owned[owner] === 2) offence(door, i, 'double');
    }
  }
  return verdict;
}
