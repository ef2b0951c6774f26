import type { Database, Statement } from 'better-sqlite3';

/**
 * Pickup credentials, hashes only: the caller hashes the QR secret, the typed code and the second
 * factor; the raw values never reach the store. The QR hash must be a deterministic digest (it is
 * looked up); the code and second-factor hashes may be salted.
 */
export type PickupCredential = {
  readonly dossierId: number;
  readonly qrSecretHash: string;
  readonly codeHash: string;
  readonly secondFactorHash: string | null;
  readonly issuedAt: number;
  readonly usedAt: number | null;
};

export type NewPickupCredential = Omit<PickupCredential, 'usedAt' | 'secondFactorHash'> & {
  readonly secondFactorHash?: string | null;
};

export type CredentialRepo = {
  /** Issues (or re-issues, replacing the old hashes and clearing used_at) the dossier's credential. */
  issue(credential: NewPickupCredential): void;
  setSecondFactorHash(dossierId: number, hash: string | null): boolean;
  get(dossierId: number): PickupCredential | undefined;
  findByQrHash(qrSecretHash: string): PickupCredential | undefined;
  /** Each secret opens a door once: false if it was already used (or does not exist). */
  markUsed(dossierId: number, at: number): boolean;
};

const COLUMNS =
  'dossier_id AS dossierId, qr_secret_hash AS qrSecretHash, code_hash AS codeHash, ' +
  'second_factor_hash AS secondFactorHash, issued_at AS issuedAt, used_at AS usedAt';

export function createCredentialRepo(db: Database): CredentialRepo {
  const issue = db.prepare(`
    INSERT INTO pickup_credentials (dossier_id, qr_secret_hash, code_hash, second_factor_hash, issued_at, used_at)
    VALUES (@dossierId, @qrSecretHash, @codeHash, @secondFactorHash, @issuedAt, NULL)
    ON CONFLICT (dossier_id) DO UPDATE SET qr_secret_hash = excluded.qr_secret_hash,
      code_hash = excluded.code_hash, second_factor_hash = excluded.second_factor_hash,
      issued_at = excluded.issued_at, used_at = NULL`);
  const secondFactor = db.prepare(
    'UPDATE pickup_credentials SET second_factor_hash = ? WHERE dossier_id = ?',
  );
  const get: Statement<[number], PickupCredential> = db.prepare(
    `SELECT ${COLUMNS} FROM pickup_credentials WHERE dossier_id = ?`,
  );
  const byQr: Statement<[string], PickupCredential> = db.prepare(
    `SELECT ${COLUMNS} FROM pickup_credentials WHERE qr_secret_hash = ?`,
  );
  const used = db.prepare(
    'UPDATE pickup_credentials SET used_at = ? WHERE dossier_id = ? AND used_at IS NULL',
  );
  return {
    issue: (c) => {
      issue.run({ ...c, secondFactorHash: c.secondFactorHash ?? null });
    },
    setSecondFactorHash: (dossierId, hash) => secondFactor.run(hash, dossierId).changes === 1,
    get: (dossierId) => get.get(dossierId),
    findByQrHash: (hash) => byQr.get(hash),
    markUsed: (dossierId, at) => used.run(at, dossierId).changes === 1,
  };
}
