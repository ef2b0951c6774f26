import { SimError } from './errors';

/**
 * How one bus and its boards misbehave, as found in the field (shared reference hardware.md,
 * "Adapters and gateways that misbehave"). Set from the Simulator options, a scenario file or
 * the console, and read by the bus (echo, collisions, late replies, silent unlocks) and by the
 * board responders (dead and busy boards, polarity, reply variants).
 */
export type Polarity = 'normal' | 'inverted';

/** Polarity per board index, and `all` for the boards not named. */
export type BoardPolarities = { all?: Polarity; [board: number]: Polarity };

/** Kerong status reply command byte: 0x35 (kerong-lib kerong_client.cpp) or an echo of the request's. */
export type KerongReplyVariant = '35' | 'echo';

export interface KnobSettings {
  /** The adapter or gateway sends the host's own bytes back to it, ahead of any reply. */
  echo: boolean;
  /** Two-wire half duplex: a host write overlapping a board's reply garbles both (needs a baud rate). */
  collisions: boolean;
  /** Every reply starts this much later than the board's reaction time (0 = off). */
  lateMs: number;
  /** Unlocks are executed and never answered (a Kerong board reads nothing back after 0x31). */
  silentUnlocks: boolean;
  /** Boards that never answer and never act (powered off, cable cut at the board). */
  dead: number[];
  /** Per board: it ignores every request for this many ms from when the setting is applied. */
  busy: Record<number, number>;
  /**
   * Per board: "normal" = a set bit (or 0x11) means shut and locked, "inverted" = the opposite.
   * Kerong: normal is lkaas-kerong's reading (latch bit 1 = closed), inverted kerong-lib's
   * (is_locked = bit 0). 8A/80: normal is dp2's group reading ("1 closed, 0 open"). Modbus: normal
   * = the door input is on while the door is shut.
   */
  polarity: Polarity | BoardPolarities;
  /** Kerong status reply command byte. */
  kerongReply: KerongReplyVariant;
  /** 8A/80: when the unlock reply leaves the board (dp2: "about 1 s after the command"). */
  unlockReplyMs: number;
  /** 8A/80: header byte of the unlock reply (0x8A as most boards; dp2's manual says 0x80). */
  unlockReplyHeader: 0x8a | 0x80;
}

/**
 * Kerong boards as the public drivers read them, as knob settings (`wire: KERONG_BOARDS[...]`,
 * `--kerong-board NAME`). kerong-lib checks a 0x35 reply, reads nothing after an unlock and
 * reads hook bit 0 as locked; lkaas-kerong reads nothing after an unlock and latch bit 1 as
 * closed (it checks no reply command); "echo" is the vendor sheet's echo of the command with a
 * status frame after an unlock. Without a profile the simulator's board is kerong-lib's with
 * normal polarity (simulator.ts).
 */
export const KERONG_BOARDS = {
  'kerong-lib': { kerongReply: '35', silentUnlocks: true, polarity: 'inverted' },
  'lkaas-kerong': { kerongReply: 'echo', silentUnlocks: true, polarity: 'normal' },
  echo: { kerongReply: 'echo', silentUnlocks: false, polarity: 'normal' },
} as const satisfies Record<string, Partial<KnobSettings>>;

export type KerongBoard = keyof typeof KERONG_BOARDS;

export const KNOB_LIMITS = { lateMs: 600_000, unlockReplyMs: 60_000 } as const;

export class Knobs {
  echo = false;
  collisions = false;
  lateMs = 0;
  silentUnlocks = false;
  kerongReply: KerongReplyVariant = 'echo';
  unlockReplyMs = 0;
  unlockReplyHeader: 0x8a | 0x80 = 0x8a;
  private defaultPolarity: Polarity = 'normal';
  private readonly polarities = new Map<number, Polarity>();
  private readonly deadBoards = new Set<number>();
  /** Per board: scheduler time until which it ignores every request. */
  private readonly busyUntil = new Map<number, number>();

  constructor(
    private readonly boards: number,
    private readonly now: () => number,
  ) {}

  /** Apply settings (from options or a scenario layout); unknown boards and bad values throw. */
  apply(settings: Partial<KnobSettings>): void {
    const s = settings;
    if (s.echo !== undefined) this.echo = bool('echo', s.echo);
    if (s.collisions !== undefined) this.collisions = bool('collisions', s.collisions);
    if (s.lateMs !== undefined) this.lateMs = ms('lateMs', s.lateMs, KNOB_LIMITS.lateMs);
    if (s.silentUnlocks !== undefined) this.silentUnlocks = bool('silentUnlocks', s.silentUnlocks);
    if (s.kerongReply !== undefined) {
      if (s.kerongReply !== '35' && s.kerongReply !== 'echo')
        bad('kerongReply', s.kerongReply, '"35" or "echo"');
      this.kerongReply = s.kerongReply;
    }
    if (s.unlockReplyMs !== undefined)
      this.unlockReplyMs = ms('unlockReplyMs', s.unlockReplyMs, KNOB_LIMITS.unlockReplyMs);
    if (s.unlockReplyHeader !== undefined) {
      if (s.unlockReplyHeader !== 0x8a && s.unlockReplyHeader !== 0x80)
        bad('unlockReplyHeader', s.unlockReplyHeader, '0x8a or 0x80');
      this.unlockReplyHeader = s.unlockReplyHeader;
    }
    if (s.dead !== undefined) {
      if (!Array.isArray(s.dead)) bad('dead', s.dead, 'a list of board indexes');
      for (const board of s.dead) this.setDead(board, true);
    }
    if (s.busy !== undefined) {
      if (typeof s.busy !== 'object' || s.busy === null) bad('busy', s.busy, '{ board: ms }');
      for (const [board, time] of Object.entries(s.busy))
        this.setBusy(Number(board), ms('busy', time, 600_000));
    }
    if (s.polarity !== undefined) {
      if (typeof s.polarity === 'string') this.defaultPolarity = polarity('polarity', s.polarity);
      else if (typeof s.polarity === 'object' && s.polarity !== null)
        for (const [board, p] of Object.entries(s.polarity)) {
          if (board === 'all') this.defaultPolarity = polarity('polarity', p);
          else this.setPolarity(Number(board), p);
        }
      else bad('polarity', s.polarity, '"normal", "inverted" or { all?, board: polarity }');
    }
  }

  setDead(board: number, dead: boolean): void {
    this.check(board, 'dead');
    if (dead) this.deadBoards.add(board);
    else this.deadBoards.delete(board);
  }

  /** The board ignores every request for the next `ms` milliseconds (0 = answers again now). */
  setBusy(board: number, ms: number): void {
    this.check(board, 'busy');
    if (ms > 0) this.busyUntil.set(board, this.now() + ms);
    else this.busyUntil.delete(board);
  }

  setPolarity(board: number, p: Polarity): void {
    this.check(board, 'polarity');
    this.polarities.set(board, polarity('polarity', p));
  }

  polarity(board: number): Polarity {
    return this.polarities.get(board) ?? this.defaultPolarity;
  }

  isDead(board: number): boolean {
    return this.deadBoards.has(board);
  }

  isBusy(board: number): boolean {
    const until = this.busyUntil.get(board);
    return until !== undefined && this.now() < until;
  }

  /** Whether the board at this bank index hears requests now. */
  listening(board: number): boolean {
    return !this.isDead(board) && !this.isBusy(board);
  }

  /** For the console's `state`. */
  describe(): string {
    const dead = [...this.deadBoards].sort((a, b) => a - b);
    const busy = [...this.busyUntil]
      .filter(([b]) => this.isBusy(b))
      .map(([b, t]) => `${b} (${Math.ceil(t - this.now())} ms)`);
    const pol = [...this.polarities].map(([b, p]) => `${b}:${p}`);
    return [
      `echo ${onOff(this.echo)}`,
      `collisions ${onOff(this.collisions)}`,
      `late ${this.lateMs} ms`,
      `silent-unlocks ${onOff(this.silentUnlocks)}`,
      `kerong-reply ${this.kerongReply}`,
      `unlock-reply ${this.unlockReplyMs} ms header ${this.unlockReplyHeader.toString(16)}`,
      `polarity ${this.defaultPolarity}${pol.length ? ` (${pol.join(' ')})` : ''}`,
      `dead [${dead.join(' ')}]`,
      `busy [${busy.join(' ')}]`,
    ].join(', ');
  }

  private check(board: number, field: string): void {
    if (!Number.isInteger(board) || board < 0 || board >= this.boards)
      bad(field, board, `a board index in 0..${this.boards - 1}`);
  }
}

function onOff(on: boolean): string {
  return on ? 'on' : 'off';
}

function bad(field: string, value: unknown, expected: string): never {
  throw new SimError('bad_option', `${field}: ${JSON.stringify(value)} is not ${expected}`);
}

function bool(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') bad(field, value, 'true or false');
  return value;
}

function ms(field: string, value: unknown, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max)
    bad(field, value, `a number of ms in 0..${max}`);
  return value;
}

function polarity(field: string, value: unknown): Polarity {
  if (value !== 'normal' && value !== 'inverted') bad(field, value, '"normal" or "inverted"');
  return value;
}
