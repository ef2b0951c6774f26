import { parseArgs } from 'node:util';
import { SimError } from './errors';
import { type BoardPolarities, KERONG_BOARDS, type KnobSettings, type Polarity } from './knobs';
import { DIALECTS, type Dialect } from './options';

/** What the command line asked for; unset layout fields fall back to the scenario, then defaults. */
export interface CliConfig {
  listen: string | null;
  pty: string | null;
  scenario: string | null;
  dialect?: Dialect;
  boards?: number;
  doors?: number;
  baud?: number | 'instant';
  reactionMs?: number;
  springMs?: number;
  cooldownMs?: number;
  seed?: number;
  /** Wire and board knobs given as flags; they override the scenario's. */
  wire?: Partial<KnobSettings>;
  help: boolean;
}

export const DEFAULT_LISTEN = 'tcp://127.0.0.1:7070';

export const USAGE = `usage: npm run sim -- [options]
  --listen URL      serve the bus on tcp://127.0.0.1:PORT (default ${DEFAULT_LISTEN} unless --pty alone)
  --pty PATH        also create a pty at PATH (needs socat) bridged to the bus
  --dialect D       line | kerong | 8a | modbus (default line)
  --boards N        boards on the bus (default 1; kerong 1-10, 8a 1-64, modbus 1-32, line 1-16)
  --doors N         doors per board (default 16; kerong and line up to 16, 8a and modbus up to 32)
  --baud B          bits per second, or "instant" for no pacing (default 19200)
  --reaction MS     board reaction time before a reply (default 0)
  --spring MS       delay between a lock releasing and the door swinging open (default 0)
  --cooldown MS     solenoid cooldown per channel (default 0, none)
  --seed N          seed for probabilistic faults (default 1)
  --scenario FILE   play a scenario (JSON; see config/scenarios/); its layout is the default
wire and board knobs (also console commands; see hardware-sim/README.md):
  --echo            the adapter sends the host's own bytes back
  --collisions      half duplex: host and board talking at once garble both
  --late MS         every reply starts MS later
  --silent-unlocks  unlocks are executed and never answered (Kerong as kerong-lib reads it)
  --dead B          board B never answers (repeatable)
  --busy B:MS       board B ignores requests for its first MS ms (repeatable)
  --polarity P      normal | inverted for every board, or B:P for one (repeatable)
  --kerong-board N  kerong-lib | lkaas-kerong | echo: a Kerong board as that driver reads it
                    (sets the three below; later flags override it)
  --kerong-reply V  35 | echo: Kerong status reply command byte
  --unlock-reply MS 8A/80: unlock reply delay (default 1000)
  --unlock-header H 8a | 80: 8A/80 unlock reply header
  --help            this text`;

export function parseCliArgs(argv: string[]): CliConfig {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        listen: { type: 'string' },
        pty: { type: 'string' },
        scenario: { type: 'string' },
        dialect: { type: 'string' },
        boards: { type: 'string' },
        doors: { type: 'string' },
        baud: { type: 'string' },
        reaction: { type: 'string' },
        spring: { type: 'string' },
        cooldown: { type: 'string' },
        seed: { type: 'string' },
        echo: { type: 'boolean' },
        collisions: { type: 'boolean' },
        late: { type: 'string' },
        'silent-unlocks': { type: 'boolean' },
        dead: { type: 'string', multiple: true },
        busy: { type: 'string', multiple: true },
        polarity: { type: 'string', multiple: true },
        'kerong-reply': { type: 'string' },
        'kerong-board': { type: 'string' },
        'unlock-reply': { type: 'string' },
        'unlock-header': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new SimError('bad_option', (error as Error).message);
  }
  const text = (name: string) => values[name] as string | undefined;
  const config: CliConfig = {
    listen: text('listen') ?? null,
    pty: text('pty') ?? null,
    scenario: text('scenario') ?? null,
    help: values.help === true,
  };
  const dialect = text('dialect');
  if (dialect !== undefined) {
    if (!DIALECTS.includes(dialect as Dialect)) bad('--dialect', dialect, DIALECTS.join(' or '));
    config.dialect = dialect as Dialect;
  }
  config.boards = number('--boards', text('boards'), 1, 64);
  config.doors = number('--doors', text('doors'), 1, 32);
  const baud = text('baud');
  if (baud !== undefined && baud !== 'instant' && !/^\d+$/.test(baud))
    bad('--baud', baud, 'bits per second or "instant"');
  config.baud = baud === 'instant' ? 'instant' : number('--baud', baud, 300, 4_000_000);
  config.reactionMs = number('--reaction', text('reaction'), 0, 60_000, true);
  config.springMs = number('--spring', text('spring'), 0, 60_000, true);
  config.cooldownMs = number('--cooldown', text('cooldown'), 0, 600_000, true);
  config.seed = number('--seed', text('seed'), 0, 2 ** 32 - 1);
  const wire = knobFlags(values);
  if (Object.keys(wire).length > 0) config.wire = wire;
  for (const key of Object.keys(config) as (keyof CliConfig)[])
    if (config[key] === undefined) delete config[key];
  if (config.pty === '') bad('--pty', '', 'a file path');
  return config;
}

function knobFlags(values: Record<string, string | boolean | string[] | undefined>): Partial<KnobSettings> {
  const board = values['kerong-board'] as string | undefined;
  if (board !== undefined && !(board in KERONG_BOARDS))
    bad('--kerong-board', board, Object.keys(KERONG_BOARDS).join(', '));
  const wire: Partial<KnobSettings> = board ? { ...KERONG_BOARDS[board as keyof typeof KERONG_BOARDS] } : {};
  if (values.echo === true) wire.echo = true;
  if (values.collisions === true) wire.collisions = true;
  if (values['silent-unlocks'] === true) wire.silentUnlocks = true;
  const late = number('--late', values.late as string | undefined, 0, 600_000, true);
  if (late !== undefined) wire.lateMs = late;
  const unlockReply = number('--unlock-reply', values['unlock-reply'] as string | undefined, 0, 60_000, true);
  if (unlockReply !== undefined) wire.unlockReplyMs = unlockReply;
  const dead = values.dead as string[] | undefined;
  if (dead) wire.dead = dead.map((b) => number('--dead', b, 0, 63) as number);
  for (const entry of (values.busy as string[] | undefined) ?? []) {
    const [board, time] = entry.split(':');
    if (board === undefined || time === undefined) bad('--busy', entry, 'B:MS');
    wire.busy = {
      ...(wire.busy ?? {}),
      [number('--busy', board, 0, 63) as number]: number('--busy', time, 0, 600_000, true) as number,
    };
  }
  for (const p of (values.polarity as string[] | undefined) ?? []) {
    const [board, polarity] = p.includes(':') ? p.split(':') : [undefined, p];
    if (polarity !== 'normal' && polarity !== 'inverted')
      bad('--polarity', p, 'normal, inverted or B:normal|inverted');
    const per: BoardPolarities =
      typeof wire.polarity === 'object' ? wire.polarity : wire.polarity ? { all: wire.polarity } : {};
    if (board === undefined) per.all = polarity;
    else per[number('--polarity', board, 0, 63) as number] = polarity as Polarity;
    wire.polarity = per;
  }
  const reply = values['kerong-reply'] as string | undefined;
  if (reply !== undefined) {
    if (reply !== '35' && reply !== 'echo') bad('--kerong-reply', reply, '35 or echo');
    wire.kerongReply = reply;
  }
  const header = values['unlock-header'] as string | undefined;
  if (header !== undefined) {
    if (header !== '8a' && header !== '80') bad('--unlock-header', header, '8a or 80');
    wire.unlockReplyHeader = header === '80' ? 0x80 : 0x8a;
  }
  return wire;
}

function number(
  flag: string,
  value: string | undefined,
  min: number,
  max: number,
  fraction = false,
): number | undefined {
  if (value === undefined) return undefined;
  const pattern = fraction ? /^\d+(\.\d+)?$/ : /^\d+$/;
  const n = Number(value);
  if (!pattern.test(value) || n < min || n > max) {
    bad(flag, value, `${fraction ? 'a number' : 'an integer'} in ${min}..${max}`);
  }
  return n;
}

function bad(flag: string, value: string, expected: string): never {
  throw new SimError('bad_option', `${flag} "${value}": expected ${expected}`);
}
