/**
 * The simulator for link.bench.ts, in its own process and without the console's per-frame
 * printing: serves one bus on loopback TCP, prints `port N`, then takes `close B C`, `unplug`
 * and `quit` on stdin.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createSimulator } from '../../hardware-sim/simulator';

const { values } = parseArgs({
  options: { dialect: { type: 'string' }, baud: { type: 'string' }, doors: { type: 'string' } },
});
const sim = createSimulator({
  dialect: values.dialect === 'kerong' ? 'kerong' : 'line',
  boards: 1,
  doors: Number(values.doors ?? 16),
  baud: Number(values.baud ?? 19200),
  reactionMs: 0,
});
const port = await sim.listen('tcp://127.0.0.1:0');
process.stdout.write(`port ${port}\n`);
const quit = async () => {
  await sim.stop();
  process.exit(0);
};
createInterface({ input: process.stdin }).on('line', (line) => {
  const [verb, board, channel] = line.trim().split(/\s+/);
  if (verb === 'close') sim.closeDoor(Number(board), Number(channel));
  else if (verb === 'unplug') sim.faults.disconnect();
  else if (verb === 'quit') void quit();
});
process.on('SIGTERM', () => void quit());
