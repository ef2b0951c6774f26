import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RECEIPT_80MM } from '../../firmware-bridge/escpos';
import { SimulatedPrinter } from '../../hardware-sim/printer/printer-sim';
import { socatAvailable } from '../../hardware-sim/pty-endpoint';
import { layoutApologyLetter, layoutReceipt } from '../../src/devices/layouts';
import { ReceiptPrinter } from '../../src/devices/printer';
import { SAMPLE_SLIP } from './layouts/sample-slip';

const skip = !socatAvailable();
if (skip)
  console.warn('socat is not on PATH: the printer-over-serial tests are SKIPPED (apt-get install socat)');

let printer: SimulatedPrinter | null = null;
let dir: string | null = null;
afterEach(async () => {
  await printer?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  printer = null;
  dir = null;
});

describe('printing over a serial port (a pty bridged to the simulated printer)', () => {
  it.skipIf(skip)('prints a receipt then an apology letter, each job opening the port anew', async () => {
    dir = mkdtempSync(join(tmpdir(), 'printer-'));
    const ptyPath = join(dir, 'ttyPrinter');
    printer = await SimulatedPrinter.start({ ptyPath, render: false });
    const driver = new ReceiptPrinter({ spec: ptyPath, transport: { baudRate: 115200 } });

    expect(await driver.print(layoutReceipt(SAMPLE_SLIP, RECEIPT_80MM).bytes())).toEqual({ paper: 'ok' });
    const letter = layoutApologyLetter(
      {
        kioskName: 'UBND Phường Bến Nghé',
        receiptDisplay: SAMPLE_SLIP.receiptDisplay,
        procedureVi: 'Chứng thực bản sao từ bản chính',
        appointmentDate: '2026-11-28',
        newAppointmentDate: '2026-12-01',
        reasonVi: 'Chờ ý kiến của cơ quan cấp bản chính.',
        signatory: 'Trưởng bộ phận một cửa',
        issuedOn: '2026-11-27',
      },
      RECEIPT_80MM,
    );
    expect(await driver.print(letter.bytes())).toEqual({ paper: 'ok' });

    await printer.nextSlip(1);
    expect(printer.slips).toHaveLength(2);
    expect(printer.slips[0]!.qrPayloads).toEqual([SAMPLE_SLIP.qrPayload]);
    expect(printer.slips[1]!.text).toContain('THƯ XIN LỖI');
    expect(printer.slips[1]!.text.replaceAll('\n', ' ')).toContain('Chờ ý kiến của cơ quan cấp bản chính.');
  });
});
