import type { ReceiptSlip } from '../../../src/devices/layouts';

/** A drop-off receipt as the ledger would hand it to the printer. */
export const SAMPLE_SLIP: ReceiptSlip = {
  receiptDisplay: '061-261121-0042-7',
  qrPayload: 'DL1.06126112100427.Qm9va2luZy1zZWNyZXQtMTIz',
  procedureVi: 'Đăng ký khai sinh cho trẻ em dưới 6 tuổi có yếu tố nước ngoài',
  procedureEn: 'Birth registration for a child under 6 with a foreign element',
  appointmentDate: '2026-11-28',
  doorNumber: 17,
  kioskName: 'UBND Quận Hoàn Kiếm - Bộ phận một cửa',
};
