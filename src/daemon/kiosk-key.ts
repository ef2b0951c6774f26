import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIN_KIOSK_KEY_BYTES } from '../domain/credentials';

export class KioskKeyError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'KioskKeyError';
  }
}

const KEY_BYTES = 32;

/**
 * The per-kiosk HMAC key (typed pickup codes, sealed outbox payloads). It lives in its own file,
 * never in the database or the configuration repository, so a leaked backup alone gives nothing
 * to search against. Created on first start with 0600 permissions; a key others can read is
 * refused, as ssh refuses a private key with loose permissions.
 */
export function loadKioskKey(file: string): { key: Buffer; created: boolean } {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new KioskKeyError(file, `cannot create: ${(error as NodeJS.ErrnoException).code}`);
    }
    return { key: readExisting(file), created: false };
  }
  const key = randomBytes(KEY_BYTES);
  try {
    writeSync(fd, key);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return { key, created: true };
}

function readExisting(file: string): Buffer {
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new KioskKeyError(file, `readable by others (mode ${mode.toString(8)}): chmod 600 it`);
  }
  const key = readFileSync(file);
  if (key.length < MIN_KIOSK_KEY_BYTES) {
    throw new KioskKeyError(file, `${key.length} bytes, expected at least ${MIN_KIOSK_KEY_BYTES}`);
  }
  return key;
}
