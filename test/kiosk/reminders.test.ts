import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { queueDueReminders } from '../../src/kiosk/reminders';
import { openStore, type Store } from '../../src/store';
import { BIRTH_REGISTRATION } from '../store/fixtures';
import { releasedAfterEach, tempDir } from '../support/release';

const later = releasedAfterEach();

/** Local time at the kiosk (UTC+7, no daylight saving). */
const local = (iso: string) => Date.parse(`${iso}+07:00`);
const POLICY = { afterDays: [3, 7], sendAtMinute: 9 * 60 };

function withResults(readyAt: string[]): Store {
  const s = openStore(join(tempDir('reminders-', later), 'ledger.db'));
  later(() => s.close());
  s.write(() => {
    s.procedures.upsert(BIRTH_REGISTRATION);
    readyAt.forEach((at, i) => {
      const id = s.dossiers.insert({
        receiptNo: `0612611210${String(i).padStart(4, '0')}`,
        procedureCode: 'KS-01',
        origin: 'counter',
        state: 'ready',
        createdAt: local(at),
      });
      s.dossiers.update(id, { readyAt: local(at) });
    });
  });
  return s;
}

const queuedFor = (s: Store) =>
  s.outbox.due(Number.MAX_SAFE_INTEGER, 100).map((m) => [m.dossierId, m.kind, m.payload.receiptNo]);

describe('daily pickup reminders', () => {
  it('remind results waiting exactly 3 or 7 local days, from the configured time on', () => {
    const s = withResults([
      '2026-11-18T16:30:00',
      '2026-11-14T08:00:00',
      '2026-11-19T10:00:00',
      '2026-11-18T23:59:00',
    ]);
    expect(queueDueReminders(s, POLICY, local('2026-11-21T08:59:00'))).toBeNull();
    expect(queuedFor(s)).toEqual([]);

    expect(queueDueReminders(s, POLICY, local('2026-11-21T09:00:00'))).toBe(3);
    expect(queuedFor(s)).toEqual([
      [1, 'pickup_reminder', '06126112100000'],
      [2, 'pickup_reminder', '06126112100001'],
      [4, 'pickup_reminder', '06126112100003'],
    ]);
    expect(s.audit.list(0, 100).filter((r) => r.action === 'dossier.reminded')).toHaveLength(3);
  });

  it('go out once a day, even across a restart', () => {
    const s = withResults(['2026-11-18T10:00:00']);
    expect(queueDueReminders(s, POLICY, local('2026-11-21T09:05:00'))).toBe(1);
    expect(queueDueReminders(s, POLICY, local('2026-11-21T15:00:00'))).toBeNull();
    const path = s.path;
    s.close();
    const reopened = openStore(path);
    later(() => reopened.close());
    expect(queueDueReminders(reopened, POLICY, local('2026-11-21T20:00:00'))).toBeNull();
    expect(queuedFor(reopened)).toHaveLength(1);
  });
});
