import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The pickup notification must carry the typed code to the citizen, but the database must never
 * hold a raw secret. The code is sealed with AES-256-GCM under a key derived (HKDF) from the
 * per-kiosk key, which lives outside the database: a copy of the database or a backup alone
 * reveals nothing. The dossier id is bound as associated data, so a sealed code cannot be moved
 * to another dossier's message. The sender unseals it just before sending.
 */
const VERSION = 's1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function sealKey(kioskKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', kioskKey, Buffer.alloc(0), 'dl-outbox-seal-v1', 32));
}

export function sealForOutbox(plain: string, dossierId: number, kioskKey: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sealKey(kioskKey), iv);
  cipher.setAAD(Buffer.from(`dossier:${dossierId}`));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** Throws when the seal was made under another key, for another dossier, or was altered. */
export function unsealFromOutbox(sealed: string, dossierId: number, kioskKey: Buffer): string {
  const [version, data] = sealed.split('.');
  if (version !== VERSION || !data) throw new Error('not a sealed outbox value');
  const raw = Buffer.from(data, 'base64url');
  if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('sealed outbox value too short');
  const decipher = createDecipheriv('aes-256-gcm', sealKey(kioskKey), raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(`dossier:${dossierId}`));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
    'utf8',
  );
}
