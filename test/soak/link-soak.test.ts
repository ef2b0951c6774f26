import { describe, expect, it } from 'vitest';
import { SOAK_DIALECTS } from './link-soak-buses';
import { runLinkSoak } from './link-soak-run';

describe('link soak (short): a lossy bus never makes an open fire twice or resend blindly', () => {
  const runs = SOAK_DIALECTS.flatMap((dialect) => [
    { dialect, echo: false },
    { dialect, echo: true },
  ]);
  for (const { dialect, echo } of runs) {
    it(`2,000 operations over ${dialect === '8a' ? 'an' : 'a'} ${dialect} bus${echo ? ' through an echoing adapter' : ''} with dropped, corrupted and duplicated replies`, async () => {
      const report = await runLinkSoak({ ops: 2000, dialect, seed: 11, echo });
      if (echo) expect(report.echoBytes).toBeGreaterThan(0);
      expect(report.operations).toBe(2000);
      // The faults really happened...
      expect(report.faults.dropped).toBeGreaterThan(0);
      expect(report.faults.corrupted).toBeGreaterThan(0);
      expect(report.faults.duplicated).toBeGreaterThan(0);
      // ...and the rules held.
      expect(report.problems).toEqual([]);
      expect(report.doubleOpens).toBe(0);
      expect(report.firesOutsideAnOpen).toBe(0);
      expect(report.opensWithoutStatusRead).toBe(0);
      // Every door was opened again and again, each time after a status read of its board.
      expect(report.repeatedOpensReceived).toBeGreaterThan(0);
      expect(report.outcomes.opened).toBeGreaterThan(report.opens * 0.95);
      expect(report.uncommanded).toEqual([]);
      expect(report.uncommandedOpens).toBe(0);
    }, 120_000);
  }
});
