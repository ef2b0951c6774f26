import { ACTION_ARGS, type Action, type ActionVerb, type Layout, validateAction } from './actions';
import { SimError } from './errors';

/** A line typed at the console. */
export type ConsoleCommand =
  | { kind: 'help' }
  | { kind: 'state' }
  | { kind: 'quit' }
  | { kind: 'action'; action: Action };

export const COMMANDS_HELP = `commands (B = board, C = channel, both from 0):
  help | state | quit
  close B C        push the door shut (it relatches)
  force B C        open the door with no pulse (break-in, uncommanded open)
  put B C          put an item in (door must be open)      take B C   take it out
  jam B C          the lock takes pulses but stays shut    unjam B C
  stuck B C open|closed|off    door sensor stuck
  flicker B C on|off           door sensor alternates on each read
  refuse B on|off              board refuses opens (NAK REFUSED)
  fault B CODE                 board reports a fault (line dialect: FAULT event)
  drop P | corrupt P | dup P   probability 0..1 per reply; or "drop next N" for the next N replies
  delay MS [N]                 delay every reply by MS (0 = off), or only the next N
  garbage N                    put N random bytes on the line to the host
  fragment on|off              split replies into 1-3 byte writes
  silent on|off                stop answering and ignore the host, connection kept
  unplug                       close the host connection (pty: the port vanishes and comes back)
wire and board knobs (see hardware-sim/README.md):
  echo on|off                  the adapter sends the host's own bytes back, ahead of any reply
  collisions on|off            half duplex: host and board talking at once garble both (needs a baud rate)
  late MS                      every reply starts MS later (0 = off)
  silent-unlocks on|off        unlocks are executed and never answered
  dead B on|off                board B never answers and never acts; its neighbours do
  busy B MS                    board B ignores every request for MS ms
  polarity B normal|inverted   how board B reports a shut lock (normal: set bit / 11 / input on)
  kerong-reply 35|echo         Kerong status reply command: 0x35 or an echo of the request's
  unlock-reply MS              8A/80: the unlock reply leaves MS after the command (default 1000)
  unlock-header 8a|80          8A/80: header byte of the unlock reply`;

/** Parse one typed line; errors say what was wrong with it. */
export function parseCommand(line: string, layout: Layout): ConsoleCommand | null {
  const tokens = line.trim().split(/\s+/).filter(Boolean);
  const verb = tokens[0];
  if (verb === undefined) return null;
  if (verb === 'help' || verb === '?') return { kind: 'help' };
  if (verb === 'state') return { kind: 'state' };
  if (verb === 'quit' || verb === 'exit') return { kind: 'quit' };
  if (!(verb in ACTION_ARGS)) throw new SimError('bad_command', `unknown command "${verb}" (type help)`);
  const args = tokens.slice(1);
  const fields: Record<string, unknown> = { do: verb };
  let names = ACTION_ARGS[verb as ActionVerb];
  if ((verb === 'drop' || verb === 'corrupt' || verb === 'dup') && args[0] === 'next') {
    args.shift();
    names = ['next'];
  }
  const required = verb === 'delay' ? 1 : names.length;
  if (args.length < required || args.length > names.length) {
    const usage = [verb, ...names].join(' ');
    throw new SimError(
      'bad_command',
      `"${line.trim()}": ${verb} takes ${required === names.length ? required : `${required}-${names.length}`} argument(s): ${usage}`,
    );
  }
  names.forEach((name, i) => {
    const token = args[i];
    if (token === undefined) return;
    if (name === 'on' && token !== 'on' && token !== 'off') {
      throw new SimError('bad_command', `"${line.trim()}": expected on or off, got "${token}"`);
    }
    fields[name] = value(name, token);
  });
  try {
    return { kind: 'action', action: validateAction(fields, layout, `"${line.trim()}"`) };
  } catch (error) {
    throw new SimError('bad_command', (error as Error).message);
  }
}

function value(name: string, token: string): unknown {
  if (name === 'on') return token === 'on';
  if (name === 'reads' || name === 'code' || name === 'polarity' || name === 'variant' || name === 'header')
    return token;
  return /^-?\d+(\.\d+)?$/.test(token) ? Number(token) : token;
}
