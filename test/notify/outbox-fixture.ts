import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { formatReceipt } from '../../src/domain/receipt';
import { sealForOutbox } from '../../src/ledger';
import { type OutgoingSms, ProviderError, type SmsProvider } from '../../src/notify';
import { openStore, type Store } from '../../src/store';

export const KIOSK_KEY = Buffer.alloc(32, 9);
export const PHONE = '0987654321';
/** Monday 2026-11-23 09:00 in Ho Chi Minh City. */
export const T0 = Date.parse('2026-11-23T02:00:00Z');

/** A real store file with doors 1-4 and one procedure. */
export function tempStore(): { store: Store; file: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'notify-'));
  const file = join(dir, 'kiosk.db');
  const store = openStore(file, { quickCheck: 'skip' });
  store.write(() => {
    for (const id of [1, 2, 3, 4])
      store.lockers.upsert({ id, bank: 0, board: 0, channel: id - 1, size: 'S', position: id });
    store.procedures.upsert({
      code: 'BIRTH',
      nameVi: 'Khai sinh',
      nameEn: 'Birth',
      feeNote: null,
      active: true,
      workingDays: 3,
      lockerSize: 'S',
      secondFactor: false,
    });
  });
  return {
    store,
    file,
    dispose() {
      try {
        store.close();
      } catch {}
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A dossier whose result is in a door, and its pickup notice queued as the ledger queues it
 * (ledger/issue-credentials.ts): the code sealed under the kiosk key, bound to the dossier.
 */
export function readyWithNotice(store: Store, code: string, door = 1, phone: string | null = PHONE) {
  const receipt = formatReceipt({ kioskCode: '061', date: '2026-11-20', sequence: 40 + door });
  return store.write(() => {
    const dossierId = store.dossiers.insert({
      receiptNo: receipt.compact,
      procedureCode: 'BIRTH',
      origin: 'kiosk',
      state: 'ready',
      createdAt: T0 - 86_400_000,
      lockerId: door,
      applicantPhone: phone,
    });
    store.dossiers.update(dossierId, { readyAt: T0 });
    store.credentials.issue({
      dossierId,
      qrSecretHash: String(door).padStart(64, 'q'),
      codeHash: 'c'.repeat(64),
      issuedAt: T0,
    });
    const outboxId = store.outbox.enqueue({
      dossierId,
      kind: 'result_ready',
      payload: {
        receiptNo: receipt.compact,
        doorPosition: door,
        sealed: sealForOutbox(code, dossierId, KIOSK_KEY),
      },
      at: T0,
    });
    return { dossierId, outboxId, receipt };
  });
}

/** A provider that records what it is given and answers from a script (default: accepted). */
export class ScriptedProvider implements SmsProvider {
  readonly name = 'scripted';
  readonly sent: OutgoingSms[] = [];
  readonly script: (ProviderError | Error | 'ok')[] = [];
  async send(message: OutgoingSms): Promise<void> {
    this.sent.push(message);
    const next = this.script.shift() ?? 'ok';
    if (next !== 'ok') throw next;
  }
}

export const serverError = () => new ProviderError('server_error', true, 'http 500', 500);
export const rejected = () => new ProviderError('rejected', false, 'http 400', 400);

/** A real pino logger writing into memory, to check what the logs carry. */
export function capturedLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), text: () => lines.join('') };
}

/** Every byte SQLite holds for the store: the main file and its WAL. */
export function databaseBytes(file: string): string {
  const parts = [file, `${file}-wal`].map((f) => {
    try {
      return readFileSync(f).toString('latin1');
    } catch {
      return '';
    }
  });
  return parts.join('');
}
