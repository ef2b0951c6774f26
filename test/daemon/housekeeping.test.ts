import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AUDIT_ANCHOR_FILE } from '../../src/daemon/compose';
import { openStore, type Store } from '../../src/store';
import { BIRTH_REGISTRATION } from '../store/fixtures';
import { releasedAfterEach } from '../support/release';
import { launchDaemon, scratchConfig } from './daemon-process';

const later = releasedAfterEach();

const DAY_MS = 86_400_000;

/** Dossiers the daemon finds at start: one past its appointment, one closed long ago, one fresh. */
function seedHistory(store: Store, now: number) {
  return store.write(() => {
    store.procedures.upsert(BIRTH_REGISTRATION);
    const dossier = (receiptNo: string, state: 'at_counter' | 'picked_up', extra: object) =>
      store.dossiers.insert({
        receiptNo,
        procedureCode: 'KS-01',
        origin: 'kiosk',
        state,
        createdAt: now - 500 * DAY_MS,
        applicantName: 'Nguyễn Văn Canary',
        applicantPhone: '0900000001',
        ...extra,
      });
    const overdue = dossier('06126010500001', 'at_counter', { appointmentDate: '2026-01-05' });
    const onTime = dossier('06126010500002', 'at_counter', { appointmentDate: '2099-01-05' });
    const closedLongAgo = dossier('06126010500003', 'picked_up', {});
    store.dossiers.update(closedLongAgo, { closedAt: now - 400 * DAY_MS, pickedUpAt: now - 400 * DAY_MS });
    const closedRecently = dossier('06126010500004', 'picked_up', {});
    store.dossiers.update(closedRecently, { closedAt: now - 3 * DAY_MS, pickedUpAt: now - 3 * DAY_MS });
    return { overdue, onTime, closedLongAgo, closedRecently };
  });
}

describe('the daemon keeps house without being asked', () => {
  it('at start marks an overdue dossier late with its apology queued, purges contact data past retention, anchors the audit chain', async () => {
    const config = scratchConfig(later);
    const before = openStore(join(config.dir, 'ledger.db'));
    const ids = seedHistory(before, Date.now());
    before.close();

    const daemon = launchDaemon(later, config.file);
    await daemon.line('kiosk started');
    expect(await daemon.line('housekeeping done', (l) => l.duty === 'late')).toMatchObject({ markedLate: 1 });
    expect(await daemon.line('housekeeping done', (l) => l.duty === 'purge')).toMatchObject({ purged: 1 });
    // The audit chain verified and its head anchored beside the backups, for copying off the machine.
    const anchored = await daemon.line('audit chain verified and anchored');
    daemon.signal('SIGTERM');
    expect(await daemon.exited).toEqual({ code: 0, signal: null });
    const anchors = readFileSync(join(config.dir, 'backups', AUDIT_ANCHOR_FILE), 'utf8')
      .trim()
      .split('\n');
    expect(JSON.parse(anchors.at(-1)!)).toMatchObject({ seq: anchored.seq, hash: anchored.hash });

    const after = openStore(join(config.dir, 'ledger.db'));
    try {
      expect(after.dossiers.get(ids.overdue)).toMatchObject({ late: true });
      expect(after.dossiers.get(ids.overdue)!.apologyAt).not.toBeNull();
      expect(after.dossiers.get(ids.onTime)).toMatchObject({ late: false, apologyAt: null });
      // Sent by the demo's log provider or still queued: either way one apology, for that dossier.
      const db = new Database(join(config.dir, 'ledger.db'), { readonly: true });
      const apologies = db
        .prepare("SELECT dossier_id AS dossierId FROM notification_outbox WHERE kind = 'apology'")
        .all();
      db.close();
      expect(apologies).toEqual([{ dossierId: ids.overdue }]);
      expect(after.dossiers.get(ids.closedLongAgo)).toMatchObject({
        applicantName: null,
        applicantPhone: null,
      });
      expect(after.dossiers.get(ids.closedRecently)).toMatchObject({ applicantName: 'Nguyễn Văn Canary' });
      expect(after.audit.verifyChain().ok).toBe(true);
    } finally {
      after.close();
    }
  });
});
