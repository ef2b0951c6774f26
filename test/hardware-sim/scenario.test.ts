import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualScheduler } from '../../hardware-sim/clock';
import { loadScenario, parseScenario, runScenario, type StepReport } from '../../hardware-sim/scenario';
import { createSimulator } from '../../hardware-sim/simulator';

const layout = { dialect: 'line', boards: 1, doors: 4, baud: 'instant' };
const scenario = (events: unknown[], l: unknown = layout) => JSON.stringify({ layout: l, events });

describe('scenario files', () => {
  it('every example under config/scenarios is valid', () => {
    const dir = 'config/scenarios';
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(loadScenario(join(dir, file)).steps.length).toBeGreaterThan(0);
  });

  it.each([
    ['not JSON', '{', /plan: not valid JSON/],
    ['no events', JSON.stringify({ layout }), /plan events: must be an array/],
    ['a bad layout field', scenario([], { ...layout, doors: 40 }), /plan layout\.doors: 40/],
    ['an unknown verb', scenario([{ at: 0, do: 'explode' }]), /plan events\[0\]: "do" must be one of/],
    ['a missing time', scenario([{ do: 'unplug' }, { do: 'unplug' }]), /plan events\[0\]: "at"/],
    [
      'a negative time',
      scenario([
        { at: 0, do: 'unplug' },
        { at: -1, do: 'unplug' },
      ]),
      /plan events\[1\]: "at"/,
    ],
    [
      'a channel off the board',
      scenario([{ at: 0, do: 'close', board: 0, channel: 4 }]),
      /events\[0\]: "channel" must be an integer in 0\.\.3/,
    ],
    [
      'a bad sensor reading',
      scenario([{ at: 0, do: 'stuck', board: 0, channel: 1, reads: 'ajar' }]),
      /"reads" must be open, closed or off/,
    ],
    [
      'a probability above 1',
      scenario([{ at: 0, do: 'drop', probability: 2 }]),
      /"probability" must be a number in 0\.\.1/,
    ],
    [
      'a switch that is not a boolean',
      scenario([{ at: 0, do: 'silent', on: 'yes' }]),
      /"on" must be true or false/,
    ],
  ])('rejects %s, naming the bad entry', (_name, text, message) => {
    expect(() => parseScenario(text, 'plan')).toThrow(message);
  });

  it('plays its steps on the simulator clock, in time order, reporting a step that cannot be done', async () => {
    const clock = new ManualScheduler();
    const sim = createSimulator({ dialect: 'line', boards: 1, doors: 4, baud: 'instant', scheduler: clock });
    const plan = parseScenario(
      scenario([
        { at: 200, do: 'put', board: 0, channel: 1 },
        { at: 100, do: 'force', board: 0, channel: 1 },
        { at: 300, do: 'close', board: 0, channel: 1 },
        { at: 400, do: 'put', board: 0, channel: 1 },
        { at: 500, do: 'drop', next: 2 },
      ]),
    );
    const reports: StepReport[] = [];
    const run = runScenario(sim, plan, (r) => reports.push(r));
    clock.advance(150);
    expect(sim.truth(0, 1).doorOpen).toBe(true);
    clock.advance(1000);
    await run.done;
    expect(sim.truth(0, 1)).toMatchObject({ doorOpen: false, present: true });
    expect(reports.map((r) => r.step.action.do)).toEqual(['force', 'put', 'close', 'put', 'drop']);
    expect(reports[3]?.error).toMatch(/door is closed/);
    expect(sim.faults.shape(Buffer.from('x'))).toEqual([]);
    await sim.stop();
  });
});
