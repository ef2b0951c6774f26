import { createHash } from 'node:crypto';

export const GENESIS_HASH: Buffer = Buffer.alloc(32);

export type AuditFields = {
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly subject: string | null;
  /** The stored detail text, byte for byte: re-encoding it would hide whitespace edits. */
  readonly detail: string;
};

/**
 * hash = sha256(prev_hash || canonical row). The row is encoded as a JSON array, which is
 * unambiguous (no field can run into the next), and includes seq so renumbering or reordering
 * rows breaks the chain.
 */
export function auditRowHash(prevHash: Uint8Array, row: AuditFields): Buffer {
  const encoded = JSON.stringify([row.seq, row.at, row.actor, row.action, row.subject, row.detail]);
  return createHash('sha256').update(prevHash).update(encoded, 'utf8').digest();
}
