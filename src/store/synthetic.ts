import { createHash } from 'node:crypto';
import { auditRowHash } from './audit-hash';
import { canonicalJson, type JsonValue } from './canonical-json';
import type { Store } from './database';
import { connectionOf } from './internal';

export type SyntheticOptions = {
  /** Dossiers per transaction. */
  readonly batchSize?: number;
  readonly seed?: number;
  /** Creation times are spread over [start, start + spanDays). */
  readonly start?: number;
  readonly spanDays?: number;
  readonly lockers?: number;
  readonly onProgress?: (done: number) => void;
};

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Small deterministic PRNG (mulberry32), so a seeded bench file is the same every time. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fills a store with `count` closed dossiers of realistic weight: each has its four door
 * operations (deposit, collect, load, pickup), a pickup credential (hash-shaped text), one sent
 * notification and five audit rows on the hash chain. For benchmarks and load tests only.
 */
export function seedSyntheticDossiers(store: Store, count: number, options: SyntheticOptions = {}): void {
  const db = connectionOf(store);
  const rand = prng(options.seed ?? 1);
  const batchSize = options.batchSize ?? 10_000;
  const spanDays = options.spanDays ?? 3 * 365;
  const start = options.start ?? Date.UTC(2023, 0, 1);
  const lockerCount = options.lockers ?? 24;
  const hex = (n: number) => createHash('sha256').update(`${n}:${rand()}`).digest('hex');

  store.write(() => {
    store.procedures.upsert({
      code: 'SYN.001',
      nameVi: 'Thủ tục tổng hợp',
      nameEn: 'Synthetic procedure',
      workingDays: 3,
      feeNote: null,
      lockerSize: 'S',
      secondFactor: false,
      active: true,
    });
    for (let i = 1; i <= lockerCount; i++) {
      if (!store.lockers.get(i)) {
        store.lockers.upsert({
          id: i,
          bank: 1,
          board: 1 + Math.floor((i - 1) / 12),
          channel: (i - 1) % 12,
          size: 'S',
          position: i,
        });
      }
    }
  });

  const insertDossier = db.prepare(`
    INSERT INTO dossiers (receipt_no, procedure_code, origin, state, locker_id, applicant_name, applicant_phone,
      appointment_date, created_at, deposited_at, collected_at, ready_at, picked_up_at, closed_at, rating, late)
    VALUES (?, 'SYN.001', 'kiosk', 'picked_up', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertOp = db.prepare(`
    INSERT INTO door_operations (locker_id, dossier_id, purpose, state, outcome, actor, created_at, sent_at, settled_at)
    VALUES (?, ?, ?, 'confirmed', ?, ?, ?, ?, ?)`);
  const insertCredential = db.prepare(`
    INSERT INTO pickup_credentials (dossier_id, qr_secret_hash, code_hash, issued_at, used_at) VALUES (?, ?, ?, ?, ?)`);
  const insertOutbox = db.prepare(`
    INSERT INTO notification_outbox (dossier_id, kind, payload, state, attempts, next_attempt_at, sent_at, created_at)
    VALUES (?, 'result_ready', ?, 'sent', 1, ?, ?, ?)`);

  const insertAudit = db.prepare(
    'INSERT INTO audit_log (seq, at, actor, action, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  // The same chain audit.append() builds, carried in memory across the batch instead of reading
  // the head back for every row.
  let head: { seq: number; hash: Buffer } = { seq: 0, hash: Buffer.alloc(32) };
  const audit = (
    actor: string,
    action: string,
    subject: string,
    at: number,
    detail: { [k: string]: JsonValue },
  ) => {
    const fields = { seq: head.seq + 1, at, actor, action, subject, detail: canonicalJson(detail) };
    const hash = auditRowHash(head.hash, fields);
    insertAudit.run(fields.seq, at, actor, action, subject, fields.detail, head.hash, hash);
    head = { seq: fields.seq, hash };
  };

  const seedBatch = (from: number, to: number) => {
    const current = store.audit.exportHead();
    head = { seq: current.seq, hash: Buffer.from(current.hash, 'hex') };
    for (let n = from; n < to; n++) {
      // Dossiers arrive in time order, as they do at a kiosk (index inserts land at the end).
      const created = start + Math.floor(((n + rand()) / count) * spanDays * DAY);
      const locker = 1 + Math.floor(rand() * lockerCount);
      const collected = created + Math.floor(rand() * 16 * HOUR);
      const loaded = collected + (2 + Math.floor(rand() * 3)) * DAY;
      const picked = loaded + Math.floor(rand() * 2 * DAY);
      const late = rand() < 0.03 ? 1 : 0;
      const appointment = new Date(loaded + (late ? -DAY : DAY)).toISOString().slice(0, 10);
      const receipt = `K01-${new Date(created).toISOString().slice(2, 10).replaceAll('-', '')}-${String(n).padStart(7, '0')}`;
      const phone = `09${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
      const id = Number(
        insertDossier.run(
          receipt,
          locker,
          `Nguyen Van ${n}`,
          phone,
          appointment,
          created,
          created + 60_000,
          collected,
          loaded,
          picked + 90_000,
          picked + 90_000,
          rand() < 0.6 ? 4 + Math.round(rand()) : null,
          late,
        ).lastInsertRowid,
      );
      const ops: [string, string, string, number][] = [
        ['deposit', 'closed_with_item', 'kiosk', created],
        ['collect', 'closed_empty', 'staff:S01', collected],
        ['load', 'closed_with_item', 'staff:S01', loaded],
        ['pickup', 'closed_empty', 'kiosk', picked],
      ];
      const opIds = ops.map(([purpose, outcome, actor, at]) =>
        Number(insertOp.run(locker, id, purpose, outcome, actor, at, at + 200, at + 45_000).lastInsertRowid),
      );
      insertCredential.run(
        id,
        hex(n),
        `scrypt$16384$8$1$${hex(-n).slice(0, 22)}$${hex(n + 0.5).slice(0, 43)}`,
        loaded,
        picked,
      );
      insertOutbox.run(id, `{"dossierId":${id}}`, loaded, loaded + 5000, loaded);
      const subject = `dossier:${id}`;
      audit('kiosk', 'door.deposit.confirmed', subject, created + 45_000, { locker, op: opIds[0]! });
      audit('staff:S01', 'door.collect.confirmed', subject, collected + 45_000, { locker, op: opIds[1]! });
      audit('staff:S01', 'door.load.confirmed', subject, loaded + 45_000, { locker, op: opIds[2]! });
      audit('kiosk', 'credential.verified', subject, picked, { method: 'qr' });
      audit('kiosk', 'door.pickup.confirmed', subject, picked + 45_000, { locker, op: opIds[3]! });
    }
  };
  for (let from = 0; from < count; from += batchSize) {
    const to = Math.min(count, from + batchSize);
    store.write(() => seedBatch(from, to));
    options.onProgress?.(to);
  }
}
