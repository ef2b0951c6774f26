import { createInterface } from 'node:readline';
import { applyAction } from './actions';
import { type CliConfig, DEFAULT_LISTEN, parseCliArgs, USAGE } from './cli-args';
import { COMMANDS_HELP, parseCommand } from './cli-commands';
import { formatEvent, formatState } from './cli-print';
import { loadScenario, runScenario, type Scenario } from './scenario';
import { createSimulator, type Simulator } from './simulator';

/**
 * `npm run sim`: simulated locker boards for a technician's laptop or a demo kiosk. Prints what
 * crosses the wire and what the doors do; takes typed commands to act on doors and faults.
 */
const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`error: ${line}\n`);

async function main(): Promise<void> {
  let config: CliConfig;
  let scenario: Scenario | null = null;
  let sim: Simulator;
  try {
    config = parseCliArgs(process.argv.slice(2));
    if (config.help) {
      out(USAGE);
      return;
    }
    if (config.scenario) scenario = loadScenario(config.scenario);
    const layout = scenario?.layout;
    sim = createSimulator({
      dialect: config.dialect ?? layout?.dialect ?? 'line',
      boards: config.boards ?? layout?.boards ?? 1,
      doors: config.doors ?? layout?.doors ?? 16,
      baud: config.baud ?? layout?.baud ?? 19200,
      reactionMs: config.reactionMs ?? layout?.reactionMs,
      springMs: config.springMs ?? layout?.springMs,
      seed: config.seed ?? layout?.seed,
      cooldownMs: config.cooldownMs,
      wire: { ...(layout?.wire ?? {}), ...(config.wire ?? {}) },
    });
  } catch (error) {
    err((error as Error).message);
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const startedAt = sim.scheduler.now();
  sim.on('event', (event) => out(formatEvent(event, sim, startedAt)));
  const stop = async (code: number) => {
    await sim.stop();
    process.exit(code);
  };
  const listen = config.listen ?? (config.pty ? null : DEFAULT_LISTEN);
  let flag = '--listen';
  try {
    if (listen) {
      const port = await sim.listen(listen);
      out(`listening on tcp://127.0.0.1:${port}`);
    }
    flag = '--pty';
    if (config.pty) {
      await sim.pty(config.pty);
      out(`pty ready at ${config.pty}`);
    }
  } catch (error) {
    err(`${flag}: ${(error as Error).message}`);
    await stop(1);
    return;
  }
  const { dialect, boards, doors, baud } = sim.options;
  out(`simulating ${boards} ${dialect} board(s) x ${doors} doors at ${baud} baud; type help for commands`);
  if (scenario) {
    out(`scenario "${scenario.name}": ${scenario.steps.length} steps`);
    runScenario(sim, scenario, ({ step, index, error }) =>
      error
        ? err(`scenario step ${index} (${step.action.do}): ${error}`)
        : out(`scenario step ${index}: ${step.action.do}`),
    );
  }
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  // Without a console (stdin at EOF) the simulator keeps serving until it is signalled.
  const typed = createInterface({ input: process.stdin, terminal: false });
  typed.on('line', (line) => {
    try {
      const command = parseCommand(line, { boards, doors });
      if (!command) return;
      if (command.kind === 'help') out(COMMANDS_HELP);
      else if (command.kind === 'state') out(formatState(sim));
      else if (command.kind === 'quit') void stop(0);
      else {
        applyAction(sim, command.action);
        out(`ok ${line.trim()}`);
      }
    } catch (error) {
      err((error as Error).message);
    }
  });
}

void main();
