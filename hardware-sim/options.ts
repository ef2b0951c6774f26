import { LINE_MAX_BOARDS, LINE_MAX_CHANNELS } from '../firmware-bridge/line/limits';
import type { Scheduler } from './clock';
import { SimError } from './errors';
import type { KnobSettings } from './knobs';

/** The board families the simulator speaks: our own line protocol, Kerong CU16, 8A/80, Modbus RTU. */
export type Dialect = 'line' | 'kerong' | '8a' | 'modbus';
export const DIALECTS: readonly Dialect[] = ['line', 'kerong', '8a', 'modbus'];

/**
 * A Kerong board profile as the driver describes one. Only what says how a board answers is
 * read (reply command, unlock reply, hook polarity), so the simulated board follows the same
 * profile without sharing the driver's codec.
 */
export interface KerongProfileLike {
  name?: string;
  replyCommand?: Readonly<Record<number, number>>;
  status?: { hookActiveHigh?: boolean };
}

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
  /**
   * Kerong: answer as this driver profile describes (reply command, whether an unlock is
   * answered, hook polarity). Without it a Kerong board answers as the field's do (simulator.ts):
   * status reply 0x35, nothing after an unlock, a set hook bit read as locked.
   */
  profile?: KerongProfileLike;
  /** How the bus and boards misbehave (echo, collisions, late replies, dead boards...); applied after `profile`. */
  wire?: Partial<KnobSettings>;
  /** Delay between a lock releasing and its door swinging open; default 0. */
  springMs?: number;
  /** Solenoid cooldown per channel; default 0 (none). */
  cooldownMs?: number;
  /** Time source; default a precise wall-clock scheduler. Tests pass a ManualScheduler. */
  scheduler?: Scheduler;
}

export type ResolvedOptions = Required<Omit<SimulatorOptions, 'scheduler' | 'wire'>> & {
  wire: Partial<KnobSettings>;
};

/**
 * The echo board as a driver profile (the resolved `profile` when none is given; the simulator
 * then answers as the field's boards do, simulator.ts): the vendor
 * sheet's echo of the request's command, a status frame after an unlock, a set hook bit = locked.
 */
export const KERONG_ECHO_BOARD: KerongProfileLike = {
  name: 'cu16',
  replyCommand: { 48: 0x30, 49: 0x31 },
  status: { hookActiveHigh: true },
};

/**
 * Bus layouts per dialect. Kerong: boards 0-9 (vendor notes; 0xF0 is the broadcast address),
 * 16 locks. 8A/80: addresses 1-64, up to 32 locks (the query-all reply has 32 bits). Modbus:
 * units 1-32 here, relay boards of 8, 16 or 32 channels. The line dialect has its own limits.
 */
const LIMITS: Record<Dialect, { boards: number; doors: number }> = {
  line: { boards: LINE_MAX_BOARDS, doors: LINE_MAX_CHANNELS },
  kerong: { boards: 10, doors: 16 },
  '8a': { boards: 64, doors: 32 },
  modbus: { boards: 32, doors: 32 },
};

/** Check the layout before anything is built, naming the bad field. */
export function resolveOptions(options: SimulatorOptions): ResolvedOptions {
  const { dialect, boards, doors, baud } = options;
  if (!DIALECTS.includes(dialect)) bad('dialect', `"${dialect}" is not one of ${DIALECTS.join(', ')}`);
  integer('boards', boards, 1, LIMITS[dialect].boards);
  integer('doors', doors, 1, LIMITS[dialect].doors);
  if (baud !== 'instant') integer('baud', baud, 300, 4_000_000);
  const reactionMs = options.reactionMs ?? 0;
  const springMs = options.springMs ?? 0;
  const cooldownMs = options.cooldownMs ?? 0;
  const seed = options.seed ?? 1;
  nonNegative('reactionMs', reactionMs);
  nonNegative('springMs', springMs);
  nonNegative('cooldownMs', cooldownMs);
  integer('seed', seed, 0, 2 ** 32 - 1);
  if (options.wire !== undefined && (typeof options.wire !== 'object' || options.wire === null))
    bad('wire', 'must be an object of knob settings');
  return {
    dialect,
    boards,
    doors,
    baud,
    reactionMs,
    seed,
    springMs,
    cooldownMs,
    profile: options.profile ?? KERONG_ECHO_BOARD,
    wire: { ...(options.wire ?? {}) },
  };
}

/** What a driver's Kerong profile says about the board's answers, as knob settings. */
export function kerongProfileKnobs(profile: KerongProfileLike): Partial<KnobSettings> {
  const replies = profile.replyCommand ?? {};
  return {
    kerongReply: replies[0x30] === 0x35 ? '35' : 'echo',
    silentUnlocks: replies[0x31] === undefined,
    polarity: profile.status?.hookActiveHigh === false ? 'inverted' : 'normal',
  };
}

/** The knob defaults of a dialect: an 8A/80 board answers an unlock about 1 s later (dp2). */
export function dialectKnobs(dialect: Dialect): Partial<KnobSettings> {
  return dialect === '8a' ? { unlockReplyMs: 1000 } : {};
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
