import { KERONG_PROFILES, type KerongProfile, type KerongStatusLayout } from './profile';

/** A bad board profile in configuration: `field` names it as the configuration spells it. */
export class BoardProfileError extends Error {
  readonly code = 'BOARD_PROFILE';
  constructor(
    readonly field: string,
    detail: string,
  ) {
    super(`${field} ${detail}`);
    this.name = 'BoardProfileError';
  }
}

/** What a bank's configuration may change of a named Kerong profile. */
export interface KerongProfileOverrides {
  hookActiveHigh?: boolean;
  infraredActiveHigh?: boolean;
  hookMeansDoorClosed?: boolean;
  bitOrder?: 'lsb-first' | 'msb-first';
  hookBytes?: readonly [number, number];
  infraredBytes?: readonly [number, number];
  statusReplyCommands?: readonly number[];
  unlockReply?: 'none' | 'status';
  settleMs?: number;
  replyTimeoutMs?: { status?: number; unlock?: number };
  minGapMs?: number;
  quietAfterTimeoutMs?: number;
  baud?: number;
}

const BAUDS = [9600, 19200, 57600, 115200]; // the four the board's 0x40 command can set
const STATUS_CMDS = [0x30, 0x35];
const MAX_DATA_OFFSET = 3; // four data bytes in a 9-byte status frame

/**
 * A named profile (cu16, cu16-reply35, cu16-unlock-status) with a bank's overrides, checked
 * field by field. Bad input throws BoardProfileError naming the field
 * (`kerong.hookActiveHigh must be a boolean`) and builds nothing.
 */
export function resolveKerongProfile(name = 'cu16', overrides: unknown = {}): KerongProfile {
  const base = KERONG_PROFILES[name];
  if (!base || !Object.hasOwn(KERONG_PROFILES, name))
    throw new BoardProfileError(
      'kerong.profile',
      `must be one of ${Object.keys(KERONG_PROFILES).join(', ')}, got ${JSON.stringify(name)}`,
    );
  if (overrides === undefined || overrides === null) return base;
  if (typeof overrides !== 'object' || Array.isArray(overrides))
    throw new BoardProfileError('kerong', 'overrides must be an object');
  const o = overrides as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!FIELDS.has(key)) throw new BoardProfileError(`kerong.${key}`, 'is not a board profile field');
  }
  const status: KerongStatusLayout = {
    ...base.status,
    ...pick(o, 'hookActiveHigh', boolean),
    ...pick(o, 'infraredActiveHigh', boolean),
    ...pick(o, 'hookMeansDoorClosed', boolean),
    ...pick(o, 'bitOrder', oneOf(['lsb-first', 'msb-first'] as const)),
    ...pick(o, 'hookBytes', offsets),
    ...pick(o, 'infraredBytes', offsets),
  };
  const used = [...status.hookBytes, ...status.infraredBytes];
  if (new Set(used).size !== used.length)
    throw new BoardProfileError(
      'kerong.hookBytes',
      'and kerong.infraredBytes must name four different data bytes',
    );
  const timeouts = pick(o, 'replyTimeoutMs', replyTimeouts).replyTimeoutMs;
  return {
    ...base,
    name: Object.keys(o).length > 0 ? `${base.name}+overrides` : base.name,
    ...pick(o, 'statusReplyCommands', statusCommands),
    ...pick(o, 'unlockReply', oneOf(['none', 'status'] as const)),
    ...pick(o, 'settleMs', millis(0, 10_000)),
    ...pick(o, 'minGapMs', millis(0, 1000)),
    ...pick(o, 'quietAfterTimeoutMs', millis(0, 5000)),
    ...pick(o, 'baud', oneOf(BAUDS)),
    replyTimeoutMs: timeouts ?? base.replyTimeoutMs,
    status,
  };
}

const FIELDS = new Set([
  'hookActiveHigh',
  'infraredActiveHigh',
  'hookMeansDoorClosed',
  'bitOrder',
  'hookBytes',
  'infraredBytes',
  'statusReplyCommands',
  'unlockReply',
  'settleMs',
  'replyTimeoutMs',
  'minGapMs',
  'quietAfterTimeoutMs',
  'baud',
]);

type Check<T> = (value: unknown, field: string) => T;

function pick<K extends string, T>(o: Record<string, unknown>, key: K, check: Check<T>): { [P in K]?: T } {
  if (o[key] === undefined) return {};
  return { [key]: check(o[key], `kerong.${key}`) } as { [P in K]?: T };
}

const boolean: Check<boolean> = (value, field) => {
  if (typeof value !== 'boolean') throw new BoardProfileError(field, 'must be a boolean');
  return value;
};

function oneOf<T extends string | number>(allowed: readonly T[]): Check<T> {
  return (value, field) => {
    if (!allowed.includes(value as T))
      throw new BoardProfileError(
        field,
        `must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`,
      );
    return value as T;
  };
}

function millis(min: number, max: number): Check<number> {
  return (value, field) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
      throw new BoardProfileError(field, `must be a whole number of milliseconds from ${min} to ${max}`);
    return value;
  };
}

const offsets: Check<readonly [number, number]> = (value, field) => {
  const ok =
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((v) => Number.isInteger(v) && v >= 0 && v <= MAX_DATA_OFFSET);
  if (!ok) throw new BoardProfileError(field, `must be two data byte offsets from 0 to ${MAX_DATA_OFFSET}`);
  return [value[0], value[1]] as const;
};

const statusCommands: Check<readonly number[]> = (value, field) => {
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => STATUS_CMDS.includes(v)))
    throw new BoardProfileError(field, 'must list 0x30 (48), 0x35 (53) or both');
  return [...new Set(value as number[])];
};

const replyTimeouts: Check<{ status?: number; unlock?: number }> = (value, field) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BoardProfileError(field, 'must be an object with status and/or unlock');
  const out: { status?: number; unlock?: number } = {};
  for (const [key, ms] of Object.entries(value)) {
    if (key !== 'status' && key !== 'unlock')
      throw new BoardProfileError(`${field}.${key}`, 'is not a command (status, unlock)');
    out[key] = millis(1, 10_000)(ms, `${field}.${key}`);
  }
  return out;
};
