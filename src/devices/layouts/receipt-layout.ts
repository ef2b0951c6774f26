import { EscPosBuilder, type PrinterProfile } from '../../../firmware-bridge/escpos';
import { vietnameseDate, wrapText } from './wrap';

/** What a drop-off slip shows; the number, QR payload and date come from the ledger's receipt. */
export interface ReceiptSlip {
  /** 061-261121-0042-7 */
  receiptDisplay: string;
  /** DL1.<14 digits>.<secret>: printed only as a QR, never as text. */
  qrPayload: string;
  procedureVi: string;
  procedureEn: string;
  /** YYYY-MM-DD */
  appointmentDate: string;
  doorNumber: number;
  /** The kiosk or district, e.g. "UBND Quận 1 - Bộ phận một cửa". */
  kioskName: string;
  /** Local date and time of the drop-off as printed, e.g. "21/11/2026 13:05". */
  droppedOffAt?: string;
}

function rule(builder: EscPosBuilder, columns: number): void {
  builder.line('-'.repeat(columns));
}

function wrapped(builder: EscPosBuilder, text: string, columns: number): void {
  for (const line of wrapText(text, columns)) builder.line(line);
}

/** The drop-off receipt for 80 mm paper: bilingual, the receipt number large, the QR centred. */
export function layoutReceipt(slip: ReceiptSlip, profile: PrinterProfile): EscPosBuilder {
  const columns = profile.columns;
  const b = new EscPosBuilder(profile).initialise();
  b.align('center').bold(true);
  wrapped(b, slip.kioskName, columns);
  b.bold(false).line('Biên nhận hồ sơ / Dossier receipt');
  rule(b, columns);

  b.line('Số biên nhận / Receipt number').size(2, 2).bold(true);
  b.line(slip.receiptDisplay).size(1, 1).bold(false).feed(1);

  b.align('left').bold(true);
  wrapped(b, slip.procedureVi, columns);
  b.bold(false);
  wrapped(b, slip.procedureEn, columns);
  b.feed(1);

  b.line(`Ngày hẹn trả / Appointment: ${vietnameseDate(slip.appointmentDate)}`);
  b.line(`Ô tủ / Door: ${slip.doorNumber}`);
  if (slip.droppedOffAt) b.line(`Nộp lúc / Dropped off: ${slip.droppedOffAt}`);
  rule(b, columns);

  b.align('center').qr(slip.qrPayload);
  wrapped(b, 'Giữ phiếu này và quét mã QR tại tủ để nhận kết quả.', columns);
  wrapped(b, 'Keep this slip and scan the QR code at the locker to collect the result.', columns);
  return b.align('left').cut();
}
