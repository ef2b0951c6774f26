import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { type ScanTerminator, SimulatedScanner } from './scanner-sim';

/**
 * A serial QR scanner driven from the keyboard: each line typed is sent as one scan; `!garbled`
 * sends noise, `!split TEXT` sends TEXT in pieces.
 *
 *   npx tsx hardware-sim/scanner/cli.ts --listen tcp://127.0.0.1:7081 --pty /tmp/ttySCANNER --terminator CR
 */
const { values } = parseArgs({
  options: {
    listen: { type: 'string', default: 'tcp://127.0.0.1:7081' },
    pty: { type: 'string' },
    terminator: { type: 'string', default: 'CR' },
  },
});

const terminators: readonly string[] = ['CR', 'LF', 'CRLF'];
if (!terminators.includes(values.terminator)) {
  console.error(`--terminator must be CR, LF or CRLF, got "${values.terminator}"`);
  process.exit(2);
}
const log = (message: string) => console.log(`[scanner] ${message}`);
const scanner = await SimulatedScanner.start({
  listen: values.listen,
  ptyPath: values.pty,
  terminator: values.terminator as ScanTerminator,
  log,
});
log(`listening on ${scanner.url}${values.pty ? ` and ${values.pty}` : ''}; type a line to scan it`);
// Stop socat with us: a pty left behind would look like a plugged-in device.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void scanner.stop().then(() => process.exit(0)));
}

const input = createInterface({ input: process.stdin });
input.on('line', (line) => {
  if (line === '!garbled') scanner.scanGarbled();
  else if (line.startsWith('!split ')) void scanner.scanSplit(line.slice(7), 3);
  else scanner.scan(line);
});
input.on('close', () => void scanner.stop());
