import { CU16_PROFILE, type KerongProfile } from '../firmware-bridge/kerong/profile';
import { LINE_MAX_BOARDS, LINE_MAX_CHANNELS } from '../firmware-bridge/line/limits';
import type { Scheduler } from './clock';
import { SimError } from './errors';

export type Dialect = 'line' | 'kerong';

export interface SimulatorOptions {
  dialect: Dialect;
  boards: number;
  doors: number;
  /** Bits per second (8N1), or 'instant' for no pacing at all (fast tests, soaks). */
  baud: number | 'instant';
  /** Board reaction time before a reply starts; default 0. */
  reactionMs?: number;
  /** PRNG seed for probabilistic faults; default 1. */
  seed?: number;
  /** Kerong board profile; default CU16_PROFILE. */
  profile?: KerongProfile;
  /** Delay between a lock releasing and its door swinging open; default 0. */
  springMs?: number;
  /** Solenoid cooldown per channel; default 0 (none). */
  cooldownMs?: number;
  /** Time source; default a precise wall-clock scheduler. Tests pass a ManualScheduler. */
  scheduler?: Scheduler;
}

export type ResolvedOptions = Required<Omit<SimulatorOptions, 'scheduler'>>;

/** Check the layout before anything is built, naming the bad field. */
export function resolveOptions(options: SimulatorOptions): ResolvedOptions {
  const { dialect, boards, doors, baud } = options;
  if (dialect !== 'line' && dialect !== 'kerong') bad('dialect', `"${dialect}" is not line or kerong`);
  // Kerong addresses 16 boards and 16 locks in two nibbles; the line dialect has the same bounds.
  integer('boards', boards, 1, dialect === 'kerong' ? 16 : LINE_MAX_BOARDS);
  integer('doors', doors, 1, dialect === 'kerong' ? 16 : LINE_MAX_CHANNELS);
  if (baud !== 'instant') integer('baud', baud, 300, 4_000_000);
  const reactionMs = options.reactionMs ?? 0;
  const springMs = options.springMs ?? 0;
  const cooldownMs = options.cooldownMs ?? 0;
  const seed = options.seed ?? 1;
  nonNegative('reactionMs', reactionMs);
  nonNegative('springMs', springMs);
  nonNegative('cooldownMs', cooldownMs);
  integer('seed', seed, 0, 2 ** 32 - 1);
  return {
    dialect,
    boards,
    doors,
    baud,
    reactionMs,
    seed,
    springMs,
    cooldownMs,
    profile: options.profile ?? CU16_PROFILE,
  };
}

function bad(field: string, why: string): never {
  throw new SimError('bad_option', `${field}: ${why}`);
}

function integer(field: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    bad(field, `${String(value)} is not an integer in ${min}..${max}`);
  }
}

function nonNegative(field: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    bad(field, `${String(value)} is not a number >= 0`);
}
