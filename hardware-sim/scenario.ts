import { readFileSync } from 'node:fs';
import { type Action, applyAction, validateAction } from './actions';
import type { Cancel } from './clock';
import { SimError } from './errors';
import { type KnobSettings, Knobs } from './knobs';
import { type Dialect, resolveOptions } from './options';
import type { Simulator } from './simulator';

/**
 * A scenario file: a bus layout and a timed list of physical events and faults, e.g.
 * `{ "at": 1500, "do": "close", "board": 0, "channel": 3 }` (at = ms after the scenario starts).
 */
export interface ScenarioLayout {
  dialect: Dialect;
  boards: number;
  doors: number;
  baud: number | 'instant';
  reactionMs?: number;
  springMs?: number;
  seed?: number;
  /** Wire and board knobs at the start, as the Simulator option `wire` (events can change them). */
  wire?: Partial<KnobSettings>;
}

export interface ScenarioStep {
  at: number;
  action: Action;
}

export interface Scenario {
  name: string;
  layout: ScenarioLayout;
  steps: ScenarioStep[];
}

export function loadScenario(path: string): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SimError('bad_scenario', `${path}: cannot read (${(error as Error).message})`);
  }
  return parseScenario(text, path);
}

export function parseScenario(text: string, source = 'scenario'): Scenario {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new SimError('bad_scenario', `${source}: not valid JSON (${(error as Error).message})`);
  }
  return validateScenario(raw, source);
}

/** Check every part, naming the bad entry ("plan.json events[2]: ..."). */
export function validateScenario(raw: unknown, source = 'scenario'): Scenario {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new SimError('bad_scenario', `${source}: must be an object with "layout" and "events"`);
  }
  const fields = raw as Record<string, unknown>;
  const layout = validateLayout(fields.layout, source);
  if (!Array.isArray(fields.events)) throw new SimError('bad_scenario', `${source} events: must be an array`);
  const steps = fields.events.map((entry: unknown, i): ScenarioStep => {
    const where = `${source} events[${i}]`;
    const at = (entry as Record<string, unknown> | null)?.at;
    if (typeof at !== 'number' || !Number.isInteger(at) || at < 0) {
      throw new SimError(
        'bad_scenario',
        `${where}: "at" must be an integer number of ms >= 0 (got ${JSON.stringify(at)})`,
      );
    }
    return { at, action: validateAction(entry, layout, where) };
  });
  steps.sort((a, b) => a.at - b.at); // stable: same-time steps keep file order
  const name = typeof fields.name === 'string' ? fields.name : source;
  return { name, layout, steps };
}

function validateLayout(raw: unknown, source: string): ScenarioLayout {
  if (typeof raw !== 'object' || raw === null)
    throw new SimError('bad_scenario', `${source} layout: must be an object`);
  const l = raw as Record<string, unknown>;
  const layout = { ...l } as unknown as ScenarioLayout;
  try {
    resolveOptions(layout);
    new Knobs(layout.boards, () => 0).apply(layout.wire ?? {});
  } catch (error) {
    throw new SimError('bad_scenario', `${source} layout.${(error as Error).message}`);
  }
  return layout;
}

/** Report of one step as it runs: done, or refused with the reason (e.g. the door was closed). */
export type StepReport = { step: ScenarioStep; index: number; error?: string };

/**
 * Play the steps on the simulator's clock. A step that fails is reported and the rest go on:
 * a scenario is a script for a demo or a soak, not a test assertion.
 */
export function runScenario(
  sim: Simulator,
  scenario: Scenario,
  report: (r: StepReport) => void = () => {},
): { cancel: Cancel; done: Promise<void> } {
  const start = sim.scheduler.now();
  const cancels: Cancel[] = [];
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  let left = scenario.steps.length;
  if (left === 0) finish();
  scenario.steps.forEach((step, index) => {
    cancels.push(
      sim.scheduler.at(start + step.at, () => {
        try {
          applyAction(sim, step.action);
          report({ step, index });
        } catch (error) {
          report({ step, index, error: (error as Error).message });
        }
        if (--left === 0) finish();
      }),
    );
  });
  return {
    cancel: () => {
      for (const cancel of cancels) cancel();
      finish();
    },
    done,
  };
}
