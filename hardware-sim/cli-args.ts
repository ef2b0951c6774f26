import { parseArgs } from 'node:util';
import { SimError } from './errors';
import type { Dialect } from './options';

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
  help: boolean;
}

export const DEFAULT_LISTEN = 'tcp://127.0.0.1:7070';

export const USAGE = `usage: npm run sim -- [options]
  --listen URL      serve the bus on tcp://127.0.0.1:PORT (default ${DEFAULT_LISTEN} unless --pty alone)
  --pty PATH        also create a pty at PATH (needs socat) bridged to the bus
  --dialect D       line | kerong (default line)
  --boards N        boards on the bus, 1-16 (default 1)
  --doors N         doors per board, 1-16 (default 16)
  --baud B          bits per second, or "instant" for no pacing (default 19200)
  --reaction MS     board reaction time before a reply (default 0)
  --spring MS       delay between a lock releasing and the door swinging open (default 0)
  --cooldown MS     solenoid cooldown per channel (default 0, none)
  --seed N          seed for probabilistic faults (default 1)
  --scenario FILE   play a scenario (JSON; see config/scenarios/); its layout is the default
  --help            this text`;

export function parseCliArgs(argv: string[]): CliConfig {
  let values: Record<string, string | boolean | undefined>;
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
    if (dialect !== 'line' && dialect !== 'kerong') bad('--dialect', dialect, 'line or kerong');
    config.dialect = dialect;
  }
  config.boards = number('--boards', text('boards'), 1, 16);
  config.doors = number('--doors', text('doors'), 1, 16);
  const baud = text('baud');
  if (baud !== undefined && baud !== 'instant' && !/^\d+$/.test(baud))
    bad('--baud', baud, 'bits per second or "instant"');
  config.baud = baud === 'instant' ? 'instant' : number('--baud', baud, 300, 4_000_000);
  config.reactionMs = number('--reaction', text('reaction'), 0, 60_000, true);
  config.springMs = number('--spring', text('spring'), 0, 60_000, true);
  config.cooldownMs = number('--cooldown', text('cooldown'), 0, 600_000, true);
  config.seed = number('--seed', text('seed'), 0, 2 ** 32 - 1);
  for (const key of Object.keys(config) as (keyof CliConfig)[])
    if (config[key] === undefined) delete config[key];
  if (config.pty === '') bad('--pty', '', 'a file path');
  return config;
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
