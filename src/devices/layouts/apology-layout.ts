import { EscPosBuilder, type PrinterProfile } from '../../../firmware-bridge/escpos';
import { vietnameseDate, wrapText } from './wrap';

/** A written apology for a dossier that missed its appointment date (thư xin lỗi). */
export interface ApologyLetter {
  kioskName: string;
  receiptDisplay: string;
  procedureVi: string;
  /** The date first promised, YYYY-MM-DD. */
  appointmentDate: string;
  /** The new date, YYYY-MM-DD. */
  newAppointmentDate: string;
  /** Why it is late, in Vietnamese, as the processing department wrote it. */
  reasonVi: string;
  /** Who signs for the office, e.g. "Trưởng bộ phận một cửa". */
  signatory: string;
  /** The letter's date, YYYY-MM-DD. */
  issuedOn: string;
}

function paragraph(b: EscPosBuilder, text: string, columns: number): void {
  for (const line of wrapText(text, columns)) b.line(line);
  b.feed(1);
}

export function apologyParagraphs(letter: ApologyLetter): string[] {
  const due = vietnameseDate(letter.appointmentDate);
  const next = vietnameseDate(letter.newAppointmentDate);
  return [
    `${letter.kioskName} chân thành xin lỗi Ông/Bà vì hồ sơ "${letter.procedureVi}", ` +
      `biên nhận số ${letter.receiptDisplay}, chưa được trả kết quả đúng hẹn ngày ${due}.`,
    `Lý do: ${letter.reasonVi}`,
    `Kết quả sẽ được trả vào ngày ${next}. Ông/Bà nhận kết quả tại tủ hồ sơ bằng mã QR trên ` +
      'biên nhận đã cấp. Rất mong Ông/Bà thông cảm vì sự chậm trễ này.',
  ];
}

/** The apology letter on receipt paper: heading, the paragraphs, the date and who signs. */
export function layoutApologyLetter(letter: ApologyLetter, profile: PrinterProfile): EscPosBuilder {
  const columns = profile.columns;
  const b = new EscPosBuilder(profile).initialise();
  b.align('center').bold(true);
  for (const line of wrapText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', columns)) b.line(line);
  b.bold(false).line('Độc lập - Tự do - Hạnh phúc').feed(1);
  b.bold(true).size(2, 2).line('THƯ XIN LỖI').size(1, 1).bold(false).feed(1);
  b.align('left');
  for (const text of apologyParagraphs(letter)) paragraph(b, text, columns);
  b.align('right').line(`Ngày ${vietnameseDate(letter.issuedOn)}`);
  b.bold(true).line(letter.signatory).bold(false);
  for (const line of wrapText(letter.kioskName, columns)) b.line(line);
  return b.align('left').cut();
}
