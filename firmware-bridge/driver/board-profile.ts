import type { KerongProfile } from '../kerong/profile';
import { BoardProfileError, resolveKerongProfile } from '../kerong/resolve-profile';

/** A board profile by dialect: what configuration resolves and createLink takes. */
export type BoardProfile = { dialect: 'kerong'; profile: KerongProfile };

/**
 * The board profile a bank's configuration names, with its overrides, validated; errors name
 * the field (`kerong.hookActiveHigh must be a boolean`). The line dialect has no board profile
 * (our own firmware answers HELLO with what it is).
 */
export function resolveBoardProfile(dialect: string, name?: string, overrides?: unknown): BoardProfile {
  if (dialect === 'kerong') return { dialect, profile: resolveKerongProfile(name, overrides) };
  throw new BoardProfileError(
    `${dialect}.profile`,
    `no board profiles for dialect ${JSON.stringify(dialect)}`,
  );
}
