// @ts-check
import { LINK_STATE_STRINGS } from '../shared/link-states.js';
import { SIGNIN_STRINGS } from '../shared/signin.js';

/** Every text of the simulator panel, Vietnamese first. */
export const STRINGS = {
  ...SIGNIN_STRINGS,
  ...LINK_STATE_STRINGS,
  title: { vi: 'Mô phỏng — Tủ hồ sơ 24/7', en: 'Simulator — 24/7 dossier lockers' },
  intro: {
    vi: 'Bảng này đóng vai bàn tay: đóng cửa, đặt/lấy hồ sơ, quét biên nhận, làm kẹt khoá, cắt đường truyền. Đăng nhập bằng tài khoản kỹ thuật để xem các ô.',
    en: 'This panel plays the hands: close doors, put or take a dossier, scan a receipt, jam a lock, cut the link. Sign in with a technician account to see the doors.',
  },
  scan: { vi: 'Máy quét đọc', en: 'The scanner reads' },
  scanLabel: { vi: 'Nội dung mã QR hoặc số biên nhận', en: 'QR text or receipt number' },
  scanned: { vi: 'Đã quét.', en: 'Scanned.' },
  link: { vi: 'Đường truyền dãy {bank}: {state}', en: 'Bank {bank} link: {state}' },
  cut: { vi: 'Cắt dây dãy {bank}', en: 'Cut bank {bank} cable' },
  restore: { vi: 'Cắm lại dây dãy {bank}', en: 'Plug bank {bank} back' },
  door: { vi: 'Ô {door}', en: 'Door {door}' },
  doorHands: { vi: 'Thao tác ô {door}', en: 'Hands on door {door}' },
  open: { vi: 'mở', en: 'open' },
  closed: { vi: 'đóng', en: 'closed' },
  item: { vi: 'có đồ', en: 'item inside' },
  empty: { vi: 'trống', en: 'empty' },
  jammedHere: { vi: 'kẹt khoá', en: 'lock jammed' },
  noReading: { vi: 'chưa có số đọc', en: 'no reading' },
  close: { vi: 'Đóng cửa', en: 'Close' },
  put_item: { vi: 'Đặt hồ sơ', en: 'Put a dossier' },
  take_item: { vi: 'Lấy ra', en: 'Take out' },
  force_open: { vi: 'Cạy mở', en: 'Force open' },
  jam: { vi: 'Làm kẹt', en: 'Jam' },
  unjam: { vi: 'Gỡ kẹt', en: 'Unjam' },
  done: { vi: 'Ô {door}: {action}.', en: 'Door {door}: {action}.' },
  doors: { vi: 'Các ô tủ', en: 'Doors' },
};
