import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../hardware-sim/cli-args';
import { parseCommand } from '../../hardware-sim/cli-commands';

const layout = { boards: 2, doors: 16 };
const action = (line: string) => {
  const command = parseCommand(line, layout);
  if (command?.kind !== 'action') throw new Error(`not an action: ${line}`);
  return command.action;
};

describe('typed console commands', () => {
  it.each([
    ['close 1 15', { do: 'close', board: 1, channel: 15 }],
    ['force 0 3', { do: 'force', board: 0, channel: 3 }],
    ['put 0 3', { do: 'put', board: 0, channel: 3 }],
    ['take 0 3', { do: 'take', board: 0, channel: 3 }],
    ['jam 0 1', { do: 'jam', board: 0, channel: 1 }],
    ['unjam 0 1', { do: 'unjam', board: 0, channel: 1 }],
    ['stuck 0 2 closed', { do: 'stuck', board: 0, channel: 2, reads: 'closed' }],
    ['flicker 1 0 on', { do: 'flicker', board: 1, channel: 0, on: true }],
    ['refuse 1 off', { do: 'refuse', board: 1, on: false }],
    ['fault 0 TAMPER', { do: 'fault', board: 0, code: 'TAMPER' }],
    ['drop 0.25', { do: 'drop', probability: 0.25 }],
    ['corrupt next 3', { do: 'corrupt', next: 3 }],
    ['dup 1', { do: 'dup', probability: 1 }],
    ['delay 150', { do: 'delay', ms: 150 }],
    ['delay 150 2', { do: 'delay', ms: 150, next: 2 }],
    ['garbage 30', { do: 'garbage', bytes: 30 }],
    ['fragment on', { do: 'fragment', on: true }],
    ['  silent   off ', { do: 'silent', on: false }],
    ['unplug', { do: 'unplug' }],
  ])('%s', (line, expected) => {
    expect(action(line)).toEqual(expected);
  });

  it('knows help, state and quit, and ignores a blank line', () => {
    expect(parseCommand('help', layout)).toEqual({ kind: 'help' });
    expect(parseCommand('state', layout)).toEqual({ kind: 'state' });
    expect(parseCommand('quit', layout)).toEqual({ kind: 'quit' });
    expect(parseCommand('   ', layout)).toBeNull();
  });

  it.each([
    ['open 0 1', /unknown command "open"/],
    ['close 0', /close takes 2 argument\(s\): close board channel/],
    ['close 0 1 2', /close takes 2/],
    ['close 0 x', /"channel" must be an integer in 0\.\.15 \(got "x"\)/],
    ['close 2 0', /"board" must be an integer in 0\.\.1/],
    ['stuck 0 0 ajar', /"reads" must be open, closed or off/],
    ['refuse 0 yes', /expected on or off, got "yes"/],
    ['drop -1', /"probability" must be a number in 0\.\.1/],
    ['fault 0 tamper', /"code" must be/],
    ['garbage 0', /"bytes" must be an integer in 1\.\./],
  ])('rejects "%s" clearly', (line, message) => {
    expect(() => parseCommand(line, layout)).toThrow(message);
  });
});

describe('command-line flags', () => {
  it('reads a full command line', () => {
    expect(
      parseCliArgs([
        '--listen',
        'tcp://127.0.0.1:7070',
        '--dialect',
        'kerong',
        '--boards',
        '2',
        '--doors',
        '16',
        '--baud',
        'instant',
        '--pty',
        '/tmp/x',
        '--reaction',
        '1.5',
        '--seed',
        '9',
      ]),
    ).toEqual({
      listen: 'tcp://127.0.0.1:7070',
      pty: '/tmp/x',
      scenario: null,
      dialect: 'kerong',
      boards: 2,
      doors: 16,
      baud: 'instant',
      reactionMs: 1.5,
      seed: 9,
      help: false,
    });
  });

  it.each([
    [['--dialect', 'rs232'], /--dialect "rs232"/],
    [['--boards', '0'], /--boards "0"/],
    [['--doors', '3.5'], /--doors "3.5"/],
    [['--baud', 'fast'], /--baud "fast"/],
    [['--reaction', '-1'], /--reaction/],
    [['--reaction=-1'], /--reaction "-1"/],
    [['--seed', 'abc'], /--seed "abc"/],
    [['--frobnicate'], /--frobnicate/],
  ])('names the bad flag in %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
