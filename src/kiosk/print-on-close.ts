import type { IssuedReceipt } from '../ledger';
import type { KioskContext } from './context';
import { localStamp } from './time';

/**
 * Print-on-close: the drop-off slip is printed once the door closed on the deposited dossier
 * (never before: a citizen who backs out must not walk away with a receipt). A kiosk without a
 * printer prints nothing; a failure is logged with the operation id, never shown: the screen
 * already shows the receipt and its QR.
 */
export function printOnClose(
  ctx: Pick<KioskContext, 'printReceipt' | 'store' | 'settings' | 'clock' | 'logger'>,
): (issued: IssuedReceipt, door: number, procedureCode: string | null, operationId: number) => void {
  const log = ctx.logger.child({ path: 'printer' });
  return (issued, door, procedureCode, operationId) => {
    const print = ctx.printReceipt;
    if (!print) return;
    const procedure = procedureCode ? ctx.store.procedures.get(procedureCode) : undefined;
    print({
      receiptDisplay: issued.receiptDisplay,
      qrPayload: issued.qrPayload,
      procedureVi: procedure?.nameVi ?? '',
      procedureEn: procedure?.nameEn ?? '',
      appointmentDate: issued.appointmentDate,
      doorNumber: door,
      kioskName: ctx.settings.kioskName,
      droppedOffAt: localStamp(ctx.clock()),
    }).catch((err: unknown) => log.warn({ err, operationId }, 'receipt not printed'));
  };
}
