import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { afterEach, describe, expect, it } from 'vitest';
import { RECEIPT_80MM } from '../../firmware-bridge/escpos';
import { SimulatedPrinter } from '../../hardware-sim/printer/printer-sim';
import { DOTS_PER_LINE, renderSlip } from '../../hardware-sim/printer/render-slip';
import { DeviceError } from '../../src/devices/errors';
import { layoutReceipt } from '../../src/devices/layouts';
import { ReceiptPrinter } from '../../src/devices/printer';
import { SAMPLE_SLIP } from './layouts/sample-slip';

let printer: SimulatedPrinter | null = null;
afterEach(async () => {
  await printer?.stop();
  printer = null;
});

/** A loopback port nobody listens on: bound, noted, released. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

const isDark = (png: PNG, x: number, y: number) => png.data[(y * png.width + x) * 4]! < 128;

describe('printing a receipt over TCP to the simulated printer', () => {
  it('captures the text, the QR payload and a picture of the slip with the QR on it', async () => {
    printer = await SimulatedPrinter.start();
    const driver = new ReceiptPrinter({ spec: printer.url });
    const result = await driver.print(layoutReceipt(SAMPLE_SLIP, RECEIPT_80MM).bytes());
    expect(result.paper).toBe('ok');

    const slip = await printer.nextSlip(0);
    expect(slip.qrPayloads).toEqual([SAMPLE_SLIP.qrPayload]);
    expect(slip.text).toContain(SAMPLE_SLIP.receiptDisplay);
    expect(slip.text.replaceAll('\n', ' ')).toContain(SAMPLE_SLIP.procedureVi);
    expect(slip.text).toContain(SAMPLE_SLIP.kioskName);

    const png = PNG.sync.read(slip.png!);
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync('test-artifacts/receipt-over-tcp.png', slip.png!);
    expect(png.width).toBe(DOTS_PER_LINE);
    expect(png.height).toBeGreaterThan(600);

    // Every module of the QR the payload makes is dark or light in the picture where it should be.
    const { drawn } = renderSlip(slip.blocks);
    const qr = drawn.find((d) => d.block.kind === 'qr')!;
    expect(qr).toBeDefined();
    const block = qr.block as Extract<typeof qr.block, { kind: 'qr' }>;
    const { modules } = QRCode.create(SAMPLE_SLIP.qrPayload, { errorCorrectionLevel: block.level });
    const side = modules.size * block.moduleDots;
    const left = Math.round((DOTS_PER_LINE - side) / 2);
    const top = qr.top + 2 * block.moduleDots;
    let darkModules = 0;
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        const x = left + col * block.moduleDots + Math.floor(block.moduleDots / 2);
        const y = top + row * block.moduleDots + Math.floor(block.moduleDots / 2);
        expect(isDark(png, x, y), `module ${row},${col}`).toBe(modules.get(row, col) === 1);
        if (modules.get(row, col)) darkModules++;
      }
    }
    expect(darkModules).toBeGreaterThan(100);

    // The receipt number line is printed: some dark dots in its band.
    const numberLine = drawn.find(
      (d) => d.block.kind === 'text' && d.block.text === SAMPLE_SLIP.receiptDisplay,
    )!;
    let inked = 0;
    for (let y = numberLine.top; y < numberLine.top + numberLine.height; y++) {
      for (let x = 0; x < png.width; x++) if (isDark(png, x, y)) inked++;
    }
    expect(inked).toBeGreaterThan(500);
  });

  it('prints jobs in order, one slip each', async () => {
    printer = await SimulatedPrinter.start({ render: false });
    const driver = new ReceiptPrinter({ spec: printer.url });
    const payloads = ['DL1.06126112100427.first', 'DL1.06126112100435.second', 'DL1.06126112100443.third'];
    await Promise.all(
      payloads.map((qrPayload) =>
        driver.print(layoutReceipt({ ...SAMPLE_SLIP, qrPayload }, RECEIPT_80MM).bytes()),
      ),
    );
    await printer.nextSlip(payloads.length - 1);
    expect(printer.slips.map((s) => s.qrPayloads[0])).toEqual(payloads);
  });

  it('sends nothing when the paper is out, and says so', async () => {
    printer = await SimulatedPrinter.start({ render: false });
    printer.paper = 'out';
    const driver = new ReceiptPrinter({ spec: printer.url });
    await expect(driver.print(layoutReceipt(SAMPLE_SLIP, RECEIPT_80MM).bytes())).rejects.toMatchObject({
      code: 'printer_paper_out',
    });
    expect(printer.slips).toHaveLength(0);
    printer.paper = 'near_end';
    expect(await driver.paperStatus()).toBe('near_end');
  });

  it('reports a printer that never answers its status as a timeout', async () => {
    printer = await SimulatedPrinter.start({ render: false });
    printer.answersStatus = false;
    const driver = new ReceiptPrinter({ spec: printer.url, statusTimeoutMs: 200 });
    const error = await driver.print(Uint8Array.of(0x1b, 0x40)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeviceError);
    expect((error as DeviceError).code).toBe('printer_timeout');
  });

  it('prints to a printer configured as not answering status, by lingering before it closes', async () => {
    printer = await SimulatedPrinter.start({ render: false });
    printer.answersStatus = false;
    const driver = new ReceiptPrinter({ spec: printer.url, answersStatus: false, lingerMs: 100 });
    expect(await driver.print(layoutReceipt(SAMPLE_SLIP, RECEIPT_80MM).bytes())).toEqual({ paper: null });
    expect((await printer.nextSlip(0)).qrPayloads).toEqual([SAMPLE_SLIP.qrPayload]);
  });

  it('fails with a typed error when nothing listens at the printer address', async () => {
    const driver = new ReceiptPrinter({ spec: `tcp://127.0.0.1:${await deadPort()}` });
    const error = await driver.print(Uint8Array.of(0x1b, 0x40)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeviceError);
    expect((error as DeviceError).code).toBe('printer_unreachable');
    expect((error as DeviceError).message).toContain('127.0.0.1');
  });

  it('fails with a typed error when the serial port does not exist', async () => {
    const driver = new ReceiptPrinter({ spec: '/dev/serial/by-id/no-such-printer' });
    await expect(driver.paperStatus()).rejects.toMatchObject({ code: 'printer_unreachable' });
  });

  it('reports a printer that hangs up mid-job as disconnected', async () => {
    // A port that accepts and at once closes, as a printer rebooting on a power dip does.
    const server: Server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const driver = new ReceiptPrinter({ spec: `tcp://127.0.0.1:${port}`, statusTimeoutMs: 5000 });
      await expect(driver.print(Uint8Array.of(0x1b, 0x40))).rejects.toMatchObject({
        code: 'printer_disconnected',
      });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('shows a code table mismatch on the slip as question marks, not as wrong letters', async () => {
    printer = await SimulatedPrinter.start({ render: false, vietnameseCodeTable: 94 });
    const driver = new ReceiptPrinter({ spec: printer.url });
    await driver.print(layoutReceipt(SAMPLE_SLIP, RECEIPT_80MM).bytes());
    const slip = await printer.nextSlip(0);
    expect(slip.text).toContain('Bi?n nh??n'); // ê is one byte, ậ is â then the dot below
    expect(slip.qrPayloads).toEqual([SAMPLE_SLIP.qrPayload]);
  });
});
