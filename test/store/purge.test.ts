import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/database';
import { DAY, newReceipt, seedBasics, T0, tempDir } from './fixtures';

let tmp: ReturnType<typeof tempDir>;
let store: Store;
beforeEach(() => {
  tmp = tempDir('store-purge-');
  store = openStore(tmp.file('ledger.db'));
  seedBasics(store);
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

function dossierClosedAt(closedAt: number | null): number {
  return store.write(() => {
    const id = store.dossiers.insert({
      receiptNo: newReceipt(),
      procedureCode: 'HT.01',
      origin: 'kiosk',
      state: 'ready',
      createdAt: T0 - 60 * DAY,
      applicantName: 'Trần Thị Bình',
      applicantPhone: '0912345678',
    });
    store.credentials.issue({
      dossierId: id,
      qrSecretHash: `qr-${id}`,
      codeHash: 'c',
      secondFactorHash: 'sf',
      issuedAt: T0,
    });
    if (closedAt !== null) store.dossiers.update(id, { state: 'picked_up', pickedUpAt: closedAt, closedAt });
    return id;
  });
}

describe('personal-data purge', () => {
  it('erases name and phone only of dossiers closed longer ago than the retention period, and audits it', () => {
    const old = dossierClosedAt(T0 - 31 * DAY);
    const recent = dossierClosedAt(T0 - 29 * DAY);
    const open = dossierClosedAt(null);

    const result = store.purgePersonalData({ now: T0, retentionDays: 30, actor: 'system:purge' });
    expect(result).toEqual({ purged: 1, cutoff: T0 - 30 * DAY });

    expect(store.dossiers.get(old)).toMatchObject({
      applicantName: null,
      applicantPhone: null,
      purgedAt: T0,
      state: 'picked_up',
    });
    expect(store.dossiers.get(recent)).toMatchObject({
      applicantName: 'Trần Thị Bình',
      applicantPhone: '0912345678',
      purgedAt: null,
    });
    expect(store.dossiers.get(open)).toMatchObject({ applicantName: 'Trần Thị Bình', purgedAt: null });
    expect(store.credentials.get(old)?.secondFactorHash).toBeNull();
    expect(store.credentials.get(recent)?.secondFactorHash).toBe('sf');

    const audit = store.audit.list(0, 10);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'system:purge', action: 'dossier.personal_data_purged' });
    expect(JSON.parse(audit[0]!.detail)).toEqual({ count: 1, cutoff: T0 - 30 * DAY, dossierIds: [old] });
    expect(audit[0]!.detail).not.toContain('Bình');
    expect(store.audit.verifyChain().ok).toBe(true);

    // Nothing left to do: a second run changes nothing and writes no audit row.
    expect(store.purgePersonalData({ now: T0, retentionDays: 30, actor: 'system:purge' }).purged).toBe(0);
    expect(store.audit.exportHead().seq).toBe(1);

    // A day later the second dossier passes the cutoff too.
    expect(
      store.purgePersonalData({ now: T0 + 2 * DAY, retentionDays: 30, actor: 'system:purge' }).purged,
    ).toBe(1);
    expect(store.dossiers.get(recent)?.applicantPhone).toBeNull();
  });

  /** 25 dossiers reclaimed 40 days before T0, phones starting with `prefix`. */
  const closeManyLongAgo = (prefix: string) =>
    store.write(() => {
      for (let i = 0; i < 25; i++) {
        const id = store.dossiers.insert({
          receiptNo: newReceipt(),
          procedureCode: 'HT.01',
          origin: 'counter',
          state: 'ready',
          createdAt: T0 - 90 * DAY,
          applicantPhone: `${prefix}${String(i).padStart(2, '0')}`,
        });
        store.dossiers.update(id, { state: 'reclaimed', closedAt: T0 - 40 * DAY + i });
      }
    });

  it('works through many dossiers in batches, one audit row per batch', () => {
    closeManyLongAgo('09000000');
    expect(
      store.purgePersonalData({ now: T0, retentionDays: 30, actor: 'system:purge', batchSize: 10 }).purged,
    ).toBe(25);
    expect(store.audit.list(0, 10).map((r) => (JSON.parse(r.detail) as { count: number }).count)).toEqual([
      10, 10, 5,
    ]);
  });

  it('goes in slices when asked: maxBatches batches, then more until none is left', () => {
    closeManyLongAgo('09000001');
    const slice = () =>
      store.purgePersonalData({
        now: T0,
        retentionDays: 30,
        actor: 'system:purge',
        batchSize: 10,
        maxBatches: 2,
      });
    expect(slice()).toMatchObject({ purged: 20, more: true });
    expect(slice()).toEqual({ purged: 5, cutoff: T0 - 30 * DAY });
    expect(slice()).toEqual({ purged: 0, cutoff: T0 - 30 * DAY });
  });
});
