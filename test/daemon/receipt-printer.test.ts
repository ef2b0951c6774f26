import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedPrinter } from '../../hardware-sim/printer/printer-sim';
import { parseConfig } from '../../src/config';
import { receiptPrinter } from '../../src/daemon/devices';
import { SAMPLE_SLIP } from '../devices/layouts/sample-slip';
import { shippedConfig } from '../support/config-files';
import { ROOT } from './daemon-process';

let printer: SimulatedPrinter | null = null;
afterEach(async () => {
  await printer?.stop();
  printer = null;
});

/** The demo configuration with its printer section replaced. */
function configWithPrinter(section: Record<string, unknown>) {
  const doc = shippedConfig();
  doc.printer = section;
  return parseConfig(join(ROOT, 'config', 'test.json'), JSON.stringify(doc));
}

const silent = pino({ level: 'silent' });

describe('the receipt printer as configured', () => {
  it('prints Vietnamese through the configured code page by default', async () => {
    printer = await SimulatedPrinter.start();
    const config = configWithPrinter({ connection: printer.url, codePage: 52 });
    expect(config.printer?.vietnameseText).toBe('code_page');
    await receiptPrinter(config, { printer: null, scanner: null }, silent)!(SAMPLE_SLIP);
    const slip = await printer.nextSlip(0);
    expect(slip.text.replaceAll('\n', ' ')).toContain(SAMPLE_SLIP.procedureVi);
    expect(slip.blocks.some((b) => b.kind === 'raster')).toBe(false);
  });

  it('prints every line as a picture for a model without a Vietnamese table, the QR still native', async () => {
    printer = await SimulatedPrinter.start();
    const config = configWithPrinter({ connection: printer.url, codePage: 52, vietnameseText: 'raster' });
    await receiptPrinter(config, { printer: null, scanner: null }, silent)!(SAMPLE_SLIP);
    const slip = await printer.nextSlip(0);
    expect(slip.blocks.filter((b) => b.kind === 'text' && b.text !== '')).toEqual([]);
    expect(slip.blocks.filter((b) => b.kind === 'raster').length).toBeGreaterThan(5);
    expect(slip.qrPayloads).toEqual([SAMPLE_SLIP.qrPayload]);
  });

  it('refuses another way of printing text, naming the field', () => {
    expect(() => configWithPrinter({ connection: 'none', codePage: 52, vietnameseText: 'ascii' })).toThrow(
      /printer\.vietnameseText/,
    );
  });
});
