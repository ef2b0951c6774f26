/**
 * The shape of a stored PIN hash as src/domain/staff-pin.ts writes it: `scrypt$N$r$p$salt$hash`,
 * salt and hash in base64url. Checked at start-up so a PIN pasted in clear is refused, not seeded.
 */
export function looksLikePinHash(text: string): boolean {
  return /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]{8,}\$[A-Za-z0-9_-]{22,}$/.test(text);
}
