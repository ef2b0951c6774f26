import { SimError } from './errors';
import { type KerongReplyVariant, KNOB_LIMITS, type Polarity } from './knobs';
import type { Simulator } from './simulator';

/**
 * The things a technician at the console or a scenario file can do to the simulated hardware:
 * physical acts on doors and the fault knobs. One shape for both, validated in one place.
 */
export type DoorVerb = 'close' | 'force' | 'put' | 'take' | 'jam' | 'unjam';

export type Action =
  | { do: DoorVerb; board: number; channel: number }
  | { do: 'stuck'; board: number; channel: number; reads: 'open' | 'closed' | 'off' }
  | { do: 'flicker'; board: number; channel: number; on: boolean }
  | { do: 'refuse'; board: number; on: boolean }
  | { do: 'fault'; board: number; code: string }
  | { do: 'drop' | 'corrupt' | 'dup'; probability?: number; next?: number }
  | { do: 'delay'; ms: number; next?: number }
  | { do: 'garbage'; bytes: number }
  | { do: 'fragment' | 'silent'; on: boolean }
  | { do: 'unplug' }
  | { do: 'echo' | 'collisions' | 'silent-unlocks'; on: boolean }
  | { do: 'late' | 'unlock-reply'; ms: number }
  | { do: 'dead'; board: number; on: boolean }
  | { do: 'busy'; board: number; ms: number }
  | { do: 'polarity'; board: number; polarity: Polarity }
  | { do: 'kerong-reply'; variant: KerongReplyVariant }
  | { do: 'unlock-header'; header: '8a' | '80' };

export type ActionVerb = Action['do'];

/** The arguments of each verb, in the order the console takes them. */
export const ACTION_ARGS: Record<ActionVerb, readonly string[]> = {
  close: ['board', 'channel'],
  force: ['board', 'channel'],
  put: ['board', 'channel'],
  take: ['board', 'channel'],
  jam: ['board', 'channel'],
  unjam: ['board', 'channel'],
  stuck: ['board', 'channel', 'reads'],
  flicker: ['board', 'channel', 'on'],
  refuse: ['board', 'on'],
  fault: ['board', 'code'],
  drop: ['probability'],
  corrupt: ['probability'],
  dup: ['probability'],
  delay: ['ms', 'next'],
  garbage: ['bytes'],
  fragment: ['on'],
  silent: ['on'],
  unplug: [],
  echo: ['on'],
  collisions: ['on'],
  'silent-unlocks': ['on'],
  late: ['ms'],
  'unlock-reply': ['ms'],
  dead: ['board', 'on'],
  busy: ['board', 'ms'],
  polarity: ['board', 'polarity'],
  'kerong-reply': ['variant'],
  'unlock-header': ['header'],
};

export interface Layout {
  boards: number;
  doors: number;
}

type Fields = Record<string, unknown>;

/** Check one action against the layout; `where` names it in the error ("events[3]", "command"). */
export function validateAction(raw: unknown, layout: Layout, where: string): Action {
  if (typeof raw !== 'object' || raw === null) fail(where, 'must be an object');
  const fields = raw as Fields;
  const verb = fields.do;
  if (typeof verb !== 'string' || !(verb in ACTION_ARGS)) {
    fail(where, `"do" must be one of ${Object.keys(ACTION_ARGS).join(', ')} (got ${JSON.stringify(verb)})`);
  }
  const v = verb as ActionVerb;
  const board = () => int(fields, 'board', 0, layout.boards - 1, where);
  const channel = () => int(fields, 'channel', 0, layout.doors - 1, where);
  switch (v) {
    case 'close':
    case 'force':
    case 'put':
    case 'take':
    case 'jam':
    case 'unjam':
      return { do: v, board: board(), channel: channel() };
    case 'stuck': {
      const reads = fields.reads;
      if (reads !== 'open' && reads !== 'closed' && reads !== 'off')
        fail(where, '"reads" must be open, closed or off');
      return { do: v, board: board(), channel: channel(), reads };
    }
    case 'flicker':
      return { do: v, board: board(), channel: channel(), on: flag(fields, where) };
    case 'refuse':
      return { do: v, board: board(), on: flag(fields, where) };
    case 'fault': {
      const code = fields.code;
      if (typeof code !== 'string' || !/^[A-Z0-9_]{1,16}$/.test(code))
        fail(where, '"code" must be 1-16 of A-Z, 0-9, _');
      return { do: v, board: board(), code };
    }
    case 'drop':
    case 'corrupt':
    case 'dup':
      if (fields.next !== undefined) return { do: v, next: int(fields, 'next', 0, 1_000_000, where) };
      return { do: v, probability: probability(fields, where) };
    case 'delay': {
      const ms = int(fields, 'ms', 0, 600_000, where);
      return fields.next === undefined
        ? { do: v, ms }
        : { do: v, ms, next: int(fields, 'next', 0, 1_000_000, where) };
    }
    case 'garbage':
      return { do: v, bytes: int(fields, 'bytes', 1, 65_536, where) };
    case 'fragment':
    case 'silent':
      return { do: v, on: flag(fields, where) };
    case 'unplug':
      return { do: v };
    case 'echo':
    case 'collisions':
    case 'silent-unlocks':
      return { do: v, on: flag(fields, where) };
    case 'late':
      return { do: v, ms: int(fields, 'ms', 0, KNOB_LIMITS.lateMs, where) };
    case 'unlock-reply':
      return { do: v, ms: int(fields, 'ms', 0, KNOB_LIMITS.unlockReplyMs, where) };
    case 'dead':
      return { do: v, board: board(), on: flag(fields, where) };
    case 'busy':
      return { do: v, board: board(), ms: int(fields, 'ms', 0, 600_000, where) };
    case 'polarity': {
      const p = fields.polarity;
      if (p !== 'normal' && p !== 'inverted') fail(where, '"polarity" must be normal or inverted');
      return { do: v, board: board(), polarity: p };
    }
    case 'kerong-reply': {
      const variant = fields.variant;
      if (variant !== '35' && variant !== 'echo') fail(where, '"variant" must be 35 or echo');
      return { do: v, variant };
    }
    case 'unlock-header': {
      const header = fields.header;
      if (header !== '8a' && header !== '80') fail(where, '"header" must be 8a or 80');
      return { do: v, header };
    }
  }
}

/** The action shape of one verb (some shapes serve several verbs). */
type ActionOf<V extends ActionVerb> = Action extends infer A
  ? A extends { do: infer D }
    ? V extends D
      ? A
      : never
    : never
  : never;

type Handlers = { [V in ActionVerb]: (sim: Simulator, action: ActionOf<V>) => void };

const HANDLERS: Handlers = {
  close: (sim, a) => sim.closeDoor(a.board, a.channel),
  force: (sim, a) => sim.forceOpen(a.board, a.channel),
  put: (sim, a) => sim.putItem(a.board, a.channel),
  take: (sim, a) => sim.takeItem(a.board, a.channel),
  jam: (sim, a) => sim.jam(a.board, a.channel),
  unjam: (sim, a) => sim.unjam(a.board, a.channel),
  stuck: (sim, a) => sim.stuckSensor(a.board, a.channel, a.reads),
  flicker: (sim, a) => sim.flicker(a.board, a.channel, a.on),
  refuse: (sim, a) => sim.refuseOpens(a.board, a.on),
  fault: (sim, a) => sim.faults.boardFault(a.board, a.code),
  drop: (sim, a) => {
    if (a.next !== undefined) sim.faults.dropNext(a.next);
    else sim.faults.drop = a.probability ?? 0;
  },
  corrupt: (sim, a) => {
    if (a.next !== undefined) sim.faults.corruptNext(a.next);
    else sim.faults.corrupt = a.probability ?? 0;
  },
  dup: (sim, a) => {
    if (a.next !== undefined) sim.faults.duplicateNext(a.next);
    else sim.faults.duplicate = a.probability ?? 0;
  },
  delay: (sim, a) => {
    if (a.next !== undefined) sim.faults.delayNext(a.next, a.ms);
    else sim.faults.delay = { probability: a.ms > 0 ? 1 : 0, ms: a.ms };
  },
  garbage: (sim, a) => sim.faults.garbage(a.bytes),
  fragment: (sim, a) => {
    sim.faults.fragment = a.on;
  },
  silent: (sim, a) => {
    sim.faults.silent = a.on;
  },
  unplug: (sim) => sim.faults.disconnect(),
  echo: (sim, a) => {
    sim.knobs.echo = a.on;
  },
  collisions: (sim, a) => {
    sim.knobs.collisions = a.on;
  },
  'silent-unlocks': (sim, a) => {
    sim.knobs.silentUnlocks = a.on;
  },
  late: (sim, a) => {
    sim.knobs.lateMs = a.ms;
  },
  'unlock-reply': (sim, a) => {
    sim.knobs.unlockReplyMs = a.ms;
  },
  dead: (sim, a) => sim.knobs.setDead(a.board, a.on),
  busy: (sim, a) => sim.knobs.setBusy(a.board, a.ms),
  polarity: (sim, a) => sim.knobs.setPolarity(a.board, a.polarity),
  'kerong-reply': (sim, a) => {
    sim.knobs.kerongReply = a.variant;
  },
  'unlock-header': (sim, a) => {
    sim.knobs.unlockReplyHeader = a.header === '80' ? 0x80 : 0x8a;
  },
};

/** Do it to the simulator. */
export function applyAction(sim: Simulator, action: Action): void {
  (HANDLERS[action.do] as (sim: Simulator, action: Action) => void)(sim, action);
}

function fail(where: string, why: string): never {
  throw new SimError('bad_scenario', `${where}: ${why}`);
}

function int(fields: Fields, name: string, min: number, max: number, where: string): number {
  const value = fields[name];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(where, `"${name}" must be an integer in ${min}..${max} (got ${JSON.stringify(value)})`);
  }
  return value;
}

function probability(fields: Fields, where: string): number {
  const value = fields.probability;
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    fail(where, `"probability" must be a number in 0..1 (got ${JSON.stringify(value)})`);
  }
  return value;
}

function flag(fields: Fields, where: string): boolean {
  if (typeof fields.on !== 'boolean')
    fail(where, `"on" must be true or false (got ${JSON.stringify(fields.on)})`);
  return fields.on;
}
