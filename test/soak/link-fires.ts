/** The fire-record indices [from, to) that one open call of one door covered. */
export interface FireSpan {
  from: number;
  to: number;
}

export interface FireVerdict {
  /** Open calls during which their door fired more than once. */
  doubleOpens: number;
  /** Fires during no open call of their door: a late refire of an earlier command, or a stray. */
  firesOutsideAnOpen: number;
}

/**
 * Judged once the run is over, so a refire that comes after its open call returned is still
 * seen: every fire is matched to the open call of its door that was running when it happened.
 * Calls on one door must not overlap (the soak gives each door to one worker), so the match is
 * unambiguous.
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
  let doubleOpens = 0;
  let firesOutsideAnOpen = 0;
  for (const [door, indices] of byDoor) {
    const spans = calls.get(door) ?? [];
    let s = 0;
    let inSpan = 0;
    for (const i of indices) {
      while (s < spans.length && spans[s]!.to <= i) {
        if (inSpan > 1) doubleOpens++;
        inSpan = 0;
        s++;
      }
      if (s < spans.length && spans[s]!.from <= i) inSpan++;
      else firesOutsideAnOpen++;
    }
    if (inSpan > 1) doubleOpens++;
  }
  return { doubleOpens, firesOutsideAnOpen };
}
