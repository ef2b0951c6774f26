import { describe, expect, it } from 'vitest';
import { applyAction } from '../../hardware-sim/actions';
import { parseCliArgs } from '../../hardware-sim/cli-args';
import { COMMANDS_HELP, parseCommand } from '../../hardware-sim/cli-commands';
import { ManualScheduler } from '../../hardware-sim/clock';
import { parseScenario, runScenario } from '../../hardware-sim/scenario';
import { createSimulator } from '../../hardware-sim/simulator';

const layout = { boards: 3, doors: 8 };

function simulator() {
  const scheduler = new ManualScheduler();
  return createSimulator({ dialect: 'kerong', boards: 3, doors: 8, baud: 'instant', scheduler });
}

describe('the knobs at the console', () => {
  it('every knob command is listed in help and changes its knob', async () => {
    const sim = simulator();
    const typed = [
      'echo on',
      'collisions on',
      'late 40',
      'silent-unlocks on',
      'dead 2 on',
      'busy 1 300',
      'polarity 0 inverted',
      'kerong-reply 35',
      'unlock-reply 250',
      'unlock-header 80',
    ];
    for (const line of typed) {
      expect(COMMANDS_HELP).toContain(line.split(' ')[0]);
      const command = parseCommand(line, layout);
      if (command?.kind !== 'action') throw new Error(`${line} is not an action`);
      applyAction(sim, command.action);
    }
    const k = sim.knobs;
    expect([k.echo, k.collisions, k.lateMs, k.silentUnlocks]).toEqual([true, true, 40, true]);
    expect([k.isDead(2), k.isBusy(1), k.polarity(0), k.polarity(1)]).toEqual([
      true,
      true,
      'inverted',
      'normal',
    ]);
    expect([k.kerongReply, k.unlockReplyMs, k.unlockReplyHeader]).toEqual(['35', 250, 0x80]);
    await sim.stop();
  });

  it.each([
    ['dead 3 on', /board/],
    ['polarity 0 upside-down', /normal or inverted/],
    ['kerong-reply 36', /35 or echo/],
    ['late -5', /ms/],
    ['echo maybe', /on or off/],
    ['busy 1', /takes 2 argument/],
  ])('rejects "%s" clearly', (line, message) => {
    expect(() => parseCommand(line, layout)).toThrow(message);
  });
});

describe('the knobs as command-line flags', () => {
  it('reads every knob flag into the wire settings', () => {
    const config = parseCliArgs([
      '--dialect',
      '8a',
      '--echo',
      '--collisions',
      '--late',
      '25',
      '--silent-unlocks',
      '--dead',
      '1',
      '--dead',
      '3',
      '--busy',
      '0:250',
      '--polarity',
      'inverted',
      '--polarity',
      '2:normal',
      '--kerong-reply',
      '35',
      '--unlock-reply',
      '800',
      '--unlock-header',
      '80',
    ]);
    expect(config.dialect).toBe('8a');
    expect(config.wire).toEqual({
      echo: true,
      collisions: true,
      lateMs: 25,
      silentUnlocks: true,
      dead: [1, 3],
      busy: { 0: 250 },
      polarity: { all: 'inverted', 2: 'normal' },
      kerongReply: '35',
      unlockReplyMs: 800,
      unlockReplyHeader: 0x80,
    });
  });

  it('takes a Kerong board by the driver that reads it, later flags overriding', () => {
    expect(parseCliArgs(['--kerong-board', 'kerong-lib']).wire).toEqual({
      kerongReply: '35',
      silentUnlocks: true,
      polarity: 'inverted',
    });
    expect(parseCliArgs(['--kerong-board', 'kerong-lib', '--kerong-reply', 'echo']).wire?.kerongReply).toBe(
      'echo',
    );
    expect(() => parseCliArgs(['--kerong-board', 'cu99'])).toThrow(/--kerong-board "cu99"/);
  });

  it.each([
    [['--dialect', 'modbus', '--polarity', 'sideways'], /--polarity "sideways"/],
    [['--kerong-reply', '30'], /--kerong-reply "30"/],
    [['--busy', '2'], /--busy "2"/],
    [['--late', 'soon'], /--late "soon"/],
    [['--unlock-header', '8b'], /--unlock-header "8b"/],
  ])('names the bad flag in %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});

describe('the knobs in a scenario file', () => {
  it('sets them from the layout and changes them at the scheduled times', () => {
    const scenario = parseScenario(
      JSON.stringify({
        layout: { dialect: 'modbus', boards: 2, doors: 8, baud: 'instant', wire: { echo: true, dead: [1] } },
        events: [
          { at: 100, do: 'dead', board: 1, on: false },
          { at: 200, do: 'polarity', board: 0, polarity: 'inverted' },
        ],
      }),
    );
    const scheduler = new ManualScheduler();
    const sim = createSimulator({ ...scenario.layout, scheduler });
    expect([sim.knobs.echo, sim.knobs.isDead(1)]).toEqual([true, true]);
    runScenario(sim, scenario);
    scheduler.advance(150);
    expect(sim.knobs.isDead(1)).toBe(false);
    expect(sim.knobs.polarity(0)).toBe('normal');
    scheduler.advance(100);
    expect(sim.knobs.polarity(0)).toBe('inverted');
  });

  it('names a bad knob in the layout', () => {
    const text = JSON.stringify({
      layout: { dialect: 'kerong', boards: 1, doors: 4, baud: 'instant', wire: { kerongReply: 'x' } },
      events: [],
    });
    expect(() => parseScenario(text, 'plan.json')).toThrow(/plan\.json layout\.kerongReply/);
  });
});
