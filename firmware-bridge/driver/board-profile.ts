import { checkEightyProfile, EIGHTY_PROFILE, type EightyProfile } from '../eighty/profile';
import { EIGHTY_MAX_LOCKS, EIGHTY_STATE_HIGH, EIGHTY_STATE_LOW } from '../eighty/types';
import { KERONG_PROFILES, type KerongProfile } from '../kerong/profile';
import { BoardProfileError, resolveKerongProfile } from '../kerong/resolve-profile';
import {
  checkModbusProfile,
  GENERIC_RELAY_PROFILE,
  type ModbusProfile,
  modbusSilenceMs,
  WAVESHARE_8CH_PROFILE,
} from '../modbus/profile';

/** A board profile by dialect: what configuration resolves and createLink takes. */
export type BoardProfile =
  | { dialect: 'kerong'; profile: KerongProfile }
  | { dialect: '8a'; profile: EightyProfile }
  | { dialect: 'modbus'; profile: ModbusProfile };

/** The dialects whose boards are described by a profile (the line dialect's bridge says what it is). */
export type ProfiledDialect = BoardProfile['dialect'];

/** 8A/80 boards whose unlock reply starts with 0x8A, as most sources other than dp2's manual show. */
const EIGHTY_REPLY_8A_PROFILE: EightyProfile = {
  ...EIGHTY_PROFILE,
  name: '8a80-reply8a',
  unlockReplyHeader: 0x8a,
};

const EIGHTY_PROFILES: Readonly<Record<string, EightyProfile>> = Object.freeze({
  [EIGHTY_PROFILE.name]: EIGHTY_PROFILE,
  [EIGHTY_REPLY_8A_PROFILE.name]: EIGHTY_REPLY_8A_PROFILE,
});

const MODBUS_PROFILES: Readonly<Record<string, ModbusProfile>> = Object.freeze({
  [WAVESHARE_8CH_PROFILE.name]: WAVESHARE_8CH_PROFILE,
  [GENERIC_RELAY_PROFILE.name]: GENERIC_RELAY_PROFILE,
});

/** The profile names a configuration may give, by dialect; the first is the default. */
export const BOARD_PROFILE_NAMES: Readonly<Record<ProfiledDialect, readonly string[]>> = Object.freeze({
  kerong: Object.keys(KERONG_PROFILES),
  '8a': Object.keys(EIGHTY_PROFILES),
  modbus: Object.keys(MODBUS_PROFILES),
});

/**
 * The board profile a bank's configuration names, with its overrides, validated; errors name
 * the field as `<dialect>.<field>` (`kerong.hookActiveHigh must be a boolean`,
 * `8a.locks must be a whole number from 1 to 32`); a bad name is `<dialect>.profile`. The line
 * dialect has no board profile (our own firmware answers HELLO with what it is).
 */
export function resolveBoardProfile<D extends ProfiledDialect>(
  dialect: D,
  name?: string,
  overrides?: unknown,
): Extract<BoardProfile, { dialect: D }>;
export function resolveBoardProfile(dialect: string, name?: string, overrides?: unknown): BoardProfile;
export function resolveBoardProfile(dialect: string, name?: string, overrides?: unknown): BoardProfile {
  if (dialect === 'kerong') return { dialect, profile: resolveKerongProfile(name, overrides) };
  if (dialect === '8a') return { dialect, profile: resolveEighty(name, overrides) };
  if (dialect === 'modbus') return { dialect, profile: resolveModbus(name, overrides) };
  throw new BoardProfileError(
    `${dialect}.profile`,
    `no board profiles for dialect ${JSON.stringify(dialect)}`,
  );
}

function resolveEighty(name = EIGHTY_PROFILE.name, overrides?: unknown): EightyProfile {
  const base = named('8a', EIGHTY_PROFILES, name);
  const o = checkedFields('8a', overrides, {
    locks: wholeNumber(1, EIGHTY_MAX_LOCKS),
    boardBitLocked: boolean,
    lockStateLocked: oneOf([EIGHTY_STATE_LOW, EIGHTY_STATE_HIGH], '0 (0x00) or 17 (0x11)'),
    unlockReplyHeader: oneOf([0x80, 0x8a], '128 (0x80) or 138 (0x8A)'),
    replyTimeoutMs: perCommand(['status', 'open']),
    statusReplyDelayMs: wholeNumber(0, 5000, 'milliseconds'),
    baud: oneOf(BAUDS, BAUDS.join(', ')),
  });
  if (!o) return base;
  const profile: EightyProfile = {
    ...base,
    ...o,
    name: `${base.name}+overrides`,
    replyTimeoutMs: { ...base.replyTimeoutMs, ...o.replyTimeoutMs },
  };
  if (profile.replyTimeoutMs.status < profile.statusReplyDelayMs)
    throw new BoardProfileError(
      '8a.replyTimeoutMs.status',
      `must cover statusReplyDelayMs (${profile.statusReplyDelayMs} ms)`,
    );
  return finalCheck('8a', checkEightyProfile, profile);
}

function resolveModbus(name = WAVESHARE_8CH_PROFILE.name, overrides?: unknown): ModbusProfile {
  const base = named('modbus', MODBUS_PROFILES, name);
  const o = checkedFields('modbus', overrides, {
    relays: wholeNumber(1, 32),
    statusRead: oneOf(['inputs', 'coils'] as const, 'inputs, coils'),
    inputOpenWhenSet: boolean,
    maxFlashUnits: wholeNumber(1, 0xffff),
    interFrameGapMs: number(0, 1000, 'milliseconds'),
    replyTimeoutMs: perCommand(['status', 'open']),
    baud: oneOf(BAUDS, BAUDS.join(', ')),
  });
  if (!o) return base;
  const baud = o.baud ?? base.baud;
  // A new speed without a gap of its own gets that speed's 3.5 characters.
  const gap = o.interFrameGapMs ?? (o.baud === undefined ? base.interFrameGapMs : modbusSilenceMs(baud));
  if (gap < modbusSilenceMs(baud))
    throw new BoardProfileError(
      'modbus.interFrameGapMs',
      `must be at least 3.5 characters at ${baud} baud (${modbusSilenceMs(baud).toFixed(2)} ms)`,
    );
  const profile: ModbusProfile = {
    ...base,
    ...o,
    name: `${base.name}+overrides`,
    interFrameGapMs: gap,
    replyTimeoutMs: { ...base.replyTimeoutMs, ...o.replyTimeoutMs },
  };
  return finalCheck('modbus', checkModbusProfile, profile);
}

/** Common RS485 speeds (8N1) these boards are sold with or can be set to. */
const BAUDS = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200];

function named<P>(dialect: string, profiles: Readonly<Record<string, P>>, name: string): P {
  if (!Object.hasOwn(profiles, name))
    throw new BoardProfileError(
      `${dialect}.profile`,
      `must be one of ${Object.keys(profiles).join(', ')}, got ${JSON.stringify(name)}`,
    );
  return profiles[name]!;
}

type Check<T> = (value: unknown, field: string) => T;
type Checked<S> = { [K in keyof S]?: S[K] extends Check<infer T> ? T : never };

/** The overrides, each checked by its field's rule; null when there are none. */
function checkedFields<S extends Record<string, Check<unknown>>>(
  dialect: string,
  overrides: unknown,
  spec: S,
): Checked<S> | null {
  if (overrides === undefined || overrides === null) return null;
  if (typeof overrides !== 'object' || Array.isArray(overrides))
    throw new BoardProfileError(dialect, 'overrides must be an object');
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(overrides)) {
    const check = Object.hasOwn(spec, key) ? spec[key] : undefined;
    if (!check)
      throw new BoardProfileError(
        `${dialect}.${key}`,
        `is not a board profile field (${Object.keys(spec).join(', ')})`,
      );
    if (value !== undefined) out[key] = check(value, `${dialect}.${key}`);
  }
  return Object.keys(out).length > 0 ? (out as Checked<S>) : null;
}

function finalCheck<P>(dialect: string, check: (profile: P) => P, profile: P): P {
  try {
    return check(profile);
  } catch (error) {
    throw new BoardProfileError(dialect, (error as Error).message);
  }
}

const boolean: Check<boolean> = (value, field) => {
  if (typeof value !== 'boolean') throw new BoardProfileError(field, 'must be a boolean');
  return value;
};

function oneOf<T extends string | number>(allowed: readonly T[], shown: string): Check<T> {
  return (value, field) => {
    if (!allowed.includes(value as T))
      throw new BoardProfileError(field, `must be one of ${shown}, got ${JSON.stringify(value)}`);
    return value as T;
  };
}

function wholeNumber(min: number, max: number, unit = ''): Check<number> {
  const of = unit ? ` of ${unit}` : '';
  return (value, field) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
      throw new BoardProfileError(field, `must be a whole number${of} from ${min} to ${max}`);
    return value;
  };
}

function number(min: number, max: number, unit: string): Check<number> {
  return (value, field) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max)
      throw new BoardProfileError(field, `must be a number of ${unit} from ${min} to ${max}`);
    return value;
  };
}

function perCommand<C extends string>(commands: readonly C[]): Check<Partial<Record<C, number>>> {
  const millis = wholeNumber(1, 10_000, 'milliseconds');
  return (value, field) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new BoardProfileError(field, `must be an object with ${commands.join(' and/or ')}`);
    const out: Partial<Record<C, number>> = {};
    for (const [key, ms] of Object.entries(value)) {
      if (!commands.includes(key as C))
        throw new BoardProfileError(`${field}.${key}`, `is not a command (${commands.join(', ')})`);
      out[key as C] = millis(ms, `${field}.${key}`);
    }
    return out;
  };
}
