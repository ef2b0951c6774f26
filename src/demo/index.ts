/**
 * The demo composition: simulated boards in process, a simulated receipt printer and QR scanner
 * on loopback, and hands that work the doors. The only place in src/ that imports hardware-sim/;
 * the daemon loads it only when the configuration asks for "embedded" hardware.
 */
import type { Logger } from 'pino';
import { SimulatedPrinter } from '../../hardware-sim/printer';
import { SimulatedScanner } from '../../hardware-sim/scanner';
import type { Config } from '../config';
import type { SimulatorControl } from '../kiosk';
import { type DoorWiring, simulatorControl } from './control';
import { startEmbeddedBuses } from './embedded-buses';
import { startDemoHands } from './hands';

export interface DemoHardware {
  /** The in-process cable of a simulated bank's link. */
  transportFor(bank: number): () => import('node:stream').Duplex;
  /** Where the simulated printer and scanner listen (tcp://127.0.0.1:port), when configured. */
  readonly printerUrl: string | null;
  readonly scannerUrl: string | null;
  readonly control: SimulatorControl;
  stop(): Promise<void>;
}

const SLIPS_KEPT = 20;

export async function startDemoHardware(
  config: Config,
  wiringOf: (lockerId: number) => DoorWiring | undefined,
  log: Logger,
): Promise<DemoHardware> {
  const buses = startEmbeddedBuses(config.buses);
  const stopHands = config.demo ? startDemoHands(buses.simulators, config.demo.handsAfterMs) : () => {};
  const printer =
    config.printer?.connection === 'embedded'
      ? await SimulatedPrinter.start({
          vietnameseCodeTable: config.printer.codePage,
          render: false,
          log: (message) => log.debug({ device: 'printer' }, message),
        })
      : null;
  const scanner = config.scanner?.connection === 'embedded' ? await SimulatedScanner.start({}) : null;
  // A demo runs for days: keep the last slips only.
  const trim = setInterval(
    () => printer?.slips.splice(0, Math.max(0, printer.slips.length - SLIPS_KEPT)),
    60_000,
  );
  trim.unref();
  const scan = (payload: string) => {
    if (!scanner) throw new Error('no simulated scanner: set scanner.connection to "embedded"');
    scanner.scan(payload);
  };
  log.info(
    { banks: [...buses.simulators.keys()], printer: printer?.url ?? null, scanner: scanner?.url ?? null },
    'demo hardware simulated',
  );
  return {
    transportFor: (bank) => buses.transportFor(bank),
    printerUrl: printer?.url ?? null,
    scannerUrl: scanner?.url ?? null,
    control: simulatorControl(buses, wiringOf, scan),
    async stop() {
      clearInterval(trim);
      stopHands();
      await scanner?.stop();
      await printer?.stop();
      await buses.stop();
    },
  };
}
