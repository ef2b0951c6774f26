import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SimulatedPrinter } from './printer-sim';

/**
 * A receipt printer for a technician's laptop or a demo: listens like a network printer and
 * optionally as a serial port, and writes each slip it cuts as a PNG and a text file.
 *
 *   npx tsx hardware-sim/printer/cli.ts --listen tcp://127.0.0.1:9100 --pty /tmp/ttyPRINTER --out test-artifacts/slips
 */
const { values } = parseArgs({
  options: {
    listen: { type: 'string', default: 'tcp://127.0.0.1:9100' },
    pty: { type: 'string' },
    out: { type: 'string', default: 'test-artifacts/slips' },
    'code-table': { type: 'string', default: '52' },
  },
});

const table = Number(values['code-table']);
if (!Number.isInteger(table) || table < 0 || table > 255) {
  console.error(`--code-table must be 0..255, got "${values['code-table']}"`);
  process.exit(2);
}
mkdirSync(values.out, { recursive: true });
const log = (message: string) => console.log(`[printer] ${message}`);
const printer = await SimulatedPrinter.start({
  listen: values.listen,
  ptyPath: values.pty,
  vietnameseCodeTable: table,
  log,
});
log(`listening on ${printer.url}${values.pty ? ` and ${values.pty}` : ''}; slips go to ${values.out}`);
// Stop socat with us: a pty left behind would look like a plugged-in device.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void printer.stop().then(() => process.exit(0)));
}

let seen = 0;
for (;;) {
  const slip = await printer.nextSlip(seen);
  seen++;
  const base = join(values.out, `slip-${String(seen).padStart(4, '0')}`);
  writeFileSync(`${base}.txt`, `${slip.text}\n${slip.qrPayloads.map((p) => `[QR] ${p}`).join('\n')}\n`);
  if (slip.png) writeFileSync(`${base}.png`, slip.png);
  log(`${base}.png: ${slip.qrPayloads.length} QR, ${slip.unknownCommands} unknown commands`);
}
