import type { BenchLog } from './run';

/** The bars the locker-link issue sets for its benchmark figures. */
export const LINK_BARS = {
  ratioP99Max: 1.5,
  parseMbPerSMin: 20,
  reconnectMsMax: 1000,
} as const;

/**
 * Prints one figure against its bar as PASS or FAIL. A bench never fails a run on its own: the
 * figures depend on the machine, so the verdict is printed beside them for a person to judge.
 */
export function judgeBar(
  log: BenchLog,
  metric: string,
  value: number,
  bar: { atMost: number } | { atLeast: number },
): void {
  const pass = 'atMost' in bar ? value <= bar.atMost : value >= bar.atLeast;
  const rule = 'atMost' in bar ? `<= ${bar.atMost}` : `>= ${bar.atLeast}`;
  log(`${pass ? 'PASS' : 'FAIL'} ${metric} ${value.toFixed(3)} (bar ${rule})`);
}
