/**
 * Commissioning probe for a Kerong CU16 bus, for a technician at a new bank:
 *
 *   npx tsx firmware-bridge/commission.ts --bus tcp://127.0.0.1:7070 --dialect kerong --boards 0,1
 *
 * With every door shut and every locker empty, reads each board's status and says which hook
 * and infrared polarity and which byte layout fit, how sure that is, and the configuration
 * overrides to use. It only ever sends status reads: it builds no other frame, so it cannot
 * open a door.
 */
import { parseArgs } from 'node:util';
import { type ProbeResult, probeKerongBus } from './driver/commission-probe';
import { KERONG_CHANNELS } from './kerong/codec';
import { CU16_PROFILE } from './kerong/profile';

const USAGE =
  'usage: npx tsx firmware-bridge/commission.ts --bus <tty path | tcp://host:port> --dialect kerong --boards 0,1 [--channels 16] [--baud 19200] [--timeout-ms 300]';

async function main(argv: string[]): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        bus: { type: 'string' },
        dialect: { type: 'string', default: 'kerong' },
        boards: { type: 'string', default: '0' },
        channels: { type: 'string', default: String(KERONG_CHANNELS) },
        baud: { type: 'string', default: String(CU16_PROFILE.baud) },
        'timeout-ms': { type: 'string', default: '300' },
      },
      allowPositionals: false,
    }).values as Record<string, string | undefined>;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.bus || values.dialect !== 'kerong') {
    console.error(values.bus ? `--dialect: only kerong boards have a probe so far\n${USAGE}` : USAGE);
    return 2;
  }
  const boards = values.boards!.split(',').map((b) => Number(b.trim()));
  let result: ProbeResult;
  try {
    result = await probeKerongBus({
      bus: values.bus,
      boards,
      channels: Number(values.channels),
      baudRate: Number(values.baud),
      timeoutMs: Number(values['timeout-ms']),
      attempts: 3,
    });
  } catch (error) {
    console.error(`commissioning probe failed: ${(error as Error).message}`);
    return 1;
  }
  for (const r of result.readings) {
    const hex = r.data.map((b) => b.toString(16).padStart(2, '0')).join(' ');
    console.log(`board ${r.board}: CMD 0x${r.replyCommand.toString(16)} data ${hex}`);
  }
  for (const board of result.silent) console.log(`board ${board}: no answer`);
  console.log(`confidence: ${result.verdict.confidence}`);
  for (const line of result.verdict.explanation) console.log(`- ${line}`);
  if (result.verdict.overrides)
    console.log(`configuration overrides for this bank: ${JSON.stringify(result.verdict.overrides)}`);
  return result.verdict.confidence === 'high' && result.silent.length === 0 ? 0 : 1;
}

// A command-line entry only: nothing imports this file (the probe itself is driver/commission-probe.ts).
process.exitCode = await main(process.argv.slice(2));
