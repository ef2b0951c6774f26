import type { Logger } from 'pino';
import type { Config } from '../config';
import { DeviceError, layoutReceipt, QrScanner, RECEIPT_80MM, ReceiptPrinter } from '../devices';
import type { PrintableReceipt } from '../kiosk';

/** Where the simulated devices listen in a demo; real ones are reached through the configuration. */
export interface DeviceEndpoints {
  readonly printer: string | null;
  readonly scanner: string | null;
}

function endpoint(connection: string, simulated: string | null): string | null {
  if (connection === 'none' || connection === 'keyboard') return null;
  return connection === 'embedded' ? simulated : connection;
}

/** The receipt printer as the kiosk app calls it; null when the kiosk has none. */
export function receiptPrinter(
  config: Config,
  simulated: DeviceEndpoints,
  log: Logger,
): ((receipt: PrintableReceipt) => Promise<void>) | null {
  const spec = config.printer && endpoint(config.printer.connection, simulated.printer);
  if (!config.printer || !spec) return null;
  const profile = {
    ...RECEIPT_80MM,
    vietnameseText: config.printer.vietnameseText,
    vietnameseCodeTable: config.printer.codePage,
    columns: config.printer.columns,
  };
  const printer = new ReceiptPrinter({ spec, transport: { baudRate: config.printer.baud } });
  return async (receipt) => {
    try {
      const result = await printer.print(layoutReceipt(receipt, profile).bytes());
      log.info({ paper: result.paper }, 'receipt printed');
    } catch (error) {
      const code = error instanceof DeviceError ? error.code : 'printer_failed';
      log.warn({ code }, 'receipt not printed');
      throw error;
    }
  };
}

/**
 * Keeps a serial QR scanner open: a scanner unplugged and plugged back (or a simulated one that
 * restarts) is reopened with a growing pause. Returns the stop function.
 */
export function keepScannerOpen(
  config: Config,
  simulated: DeviceEndpoints,
  onScan: (text: string) => void,
  log: Logger,
): () => Promise<void> {
  const spec = config.scanner && endpoint(config.scanner.connection, simulated.scanner);
  if (!config.scanner || !spec) return async () => {};
  const baudRate = config.scanner.baud;
  let stopped = false;
  let current: QrScanner | null = null;
  let timer: NodeJS.Timeout | null = null;
  let pauseMs = 500;
  const open = async () => {
    timer = null;
    try {
      const scanner = await QrScanner.open({ spec, transport: { baudRate } });
      if (stopped) return void (await scanner.close());
      current = scanner;
      pauseMs = 500;
      log.info({ scanner: scanner.description }, 'scanner open');
      scanner.onScan(onScan);
      scanner.onError((error) => log.warn({ code: error.code }, 'scan not read'));
      scanner.onClose(() => {
        current = null;
        if (!stopped) retry();
      });
    } catch (error) {
      log.warn({ code: error instanceof DeviceError ? error.code : 'scanner_failed' }, 'scanner not open');
      retry();
    }
  };
  const retry = () => {
    if (stopped || timer) return;
    timer = setTimeout(open, pauseMs);
    timer.unref();
    pauseMs = Math.min(pauseMs * 2, 30_000);
  };
  void open();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const open = current;
    current = null;
    await open?.close();
  };
}
