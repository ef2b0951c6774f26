import { afterEach, describe, expect, it } from 'vitest';
import { createLedger, LedgerConfigError } from '../../src/ledger';
import { CALENDAR, KIOSK_KEY } from '../support/fixtures';
import { FakeDoors } from './fake-doors';
import { type Harness, makeHarness } from './harness';

let h: Harness | null = null;
afterEach(() => h?.dispose());

describe('ledger configuration', () => {
  it('names the bad field', () => {
    h = makeHarness();
    const base = {
      store: h.store,
      doors: new FakeDoors([1]),
      kioskCode: '061',
      kioskKey: KIOSK_KEY,
      calendar: CALENDAR,
    };
    const field = (f: () => unknown) => {
      try {
        f();
        return null;
      } catch (e) {
        return e instanceof LedgerConfigError ? e.field : String(e);
      }
    };
    expect(field(() => createLedger({ ...base, kioskCode: '61' }))).toBe('kioskCode');
    expect(field(() => createLedger({ ...base, kioskKey: Buffer.alloc(16) }))).toBe('kioskKey');
    expect(field(() => createLedger({ ...base, timeouts: { doorOpenMs: 0 } }))).toBe('timeouts.doorOpenMs');
    expect(field(() => createLedger({ ...base, reclaimAfterDays: -1 }))).toBe('reclaimAfterDays');
    expect(() =>
      createLedger({
        ...base,
        lockoutPolicy: { maxConsecutiveFailures: 0, kioskFailuresPerHour: 1, windowMs: 1 },
      }),
    ).toThrow(/maxConsecutiveFailures/);
    const ledger = createLedger(base);
    ledger.stop();
  });
});
