// @ts-check
import { SIGNIN_STRINGS } from '../shared/signin.js';

/** Every text of the staff console, Vietnamese first. */
export const STRINGS = {
  ...SIGNIN_STRINGS,
  title: { vi: 'Bộ phận một cửa — Tủ hồ sơ 24/7', en: 'One-stop counter — 24/7 dossier lockers' },
  tabs: { vi: 'Chức năng', en: 'Sections' },
  role_staff: { vi: 'Nhân viên một cửa', en: 'Counter staff' },
  role_supervisor: { vi: 'Lãnh đạo', en: 'Supervisor' },
  tabCollect: { vi: 'Hồ sơ cần lấy', en: 'Dossiers to collect' },
  tabLoad: { vi: 'Nạp kết quả', en: 'Load a result' },
  tabUncollected: { vi: 'Kết quả chưa nhận', en: 'Uncollected results' },
  tabLate: { vi: 'Hồ sơ trễ hẹn', en: 'Late dossiers' },
  tabToday: { vi: 'Số liệu hôm nay', en: "Today's figures" },
  tabReports: { vi: 'Báo cáo', en: 'Reports' },
  refresh: { vi: 'Làm mới', en: 'Refresh' },
  door: { vi: 'Ô tủ', en: 'Door' },
  receipt: { vi: 'Số biên nhận', en: 'Receipt' },
  procedure: { vi: 'Thủ tục', en: 'Procedure' },
  depositedAt: { vi: 'Gửi lúc', en: 'Deposited' },
  readyAt: { vi: 'Nạp kết quả lúc', en: 'Result loaded' },
  appointment: { vi: 'Ngày hẹn trả', en: 'Appointment' },
  state: { vi: 'Trạng thái', en: 'State' },
  externalCode: { vi: 'Mã hồ sơ một cửa', en: 'One-stop code' },
  action: { vi: 'Thao tác', en: 'Action' },
  openDoor: { vi: 'Mở ô {door}', en: 'Open door {door}' },
  noDeposited: { vi: 'Không có hồ sơ nào đang chờ lấy.', en: 'No dossier is waiting to be collected.' },
  collectOpen: {
    vi: 'Ô {door} đã mở. Lấy hồ sơ ra, đóng cửa ô, rồi nhập mã hồ sơ trên phần mềm một cửa.',
    en: 'Door {door} is open. Take the dossier out, close the door, then enter its one-stop code.',
  },
  doorClosed: { vi: 'Cửa ô {door} đã đóng.', en: 'Door {door} is closed.' },
  confirm: { vi: 'Xác nhận đã lấy', en: 'Confirm collected' },
  collected: {
    vi: 'Đã ghi nhận hồ sơ {receipt} với mã {code}.',
    en: 'Dossier {receipt} recorded with code {code}.',
  },
  searchLabel: {
    vi: 'Quét hoặc nhập số biên nhận / mã hồ sơ một cửa',
    en: 'Scan or type the receipt number / one-stop code',
  },
  search: { vi: 'Tìm', en: 'Find' },
  notFound: {
    vi: 'Không tìm thấy hồ sơ này trong số hồ sơ ở bộ phận một cửa.',
    en: 'No dossier held at the counter matches.',
  },
  loadDoor: { vi: 'Mở ô để nạp kết quả', en: 'Open a door for the result' },
  loadOpen: {
    vi: 'Ô {door} đã mở. Đặt kết quả vào rồi đóng cửa ô; người dân sẽ được báo tin.',
    en: 'Door {door} is open. Put the result in and close the door; the citizen will be notified.',
  },
  registerTitle: {
    vi: 'Đăng ký kết quả nộp trực tuyến hoặc tại quầy',
    en: 'Register a result filed online or at the counter',
  },
  origin: { vi: 'Hình thức nộp', en: 'Filed' },
  originOnline: { vi: 'Trực tuyến', en: 'Online' },
  originCounter: { vi: 'Tại quầy', en: 'At the counter' },
  name: { vi: 'Họ tên người nhận', en: "Recipient's name" },
  phone: { vi: 'Số điện thoại', en: 'Phone number' },
  register: { vi: 'Đăng ký', en: 'Register' },
  registered: { vi: 'Đã đăng ký. Mở ô để nạp kết quả.', en: 'Registered. Open a door to load the result.' },
  noUncollected: { vi: 'Không có kết quả nào quá hạn nhận.', en: 'No result is past its pickup time.' },
  remind: { vi: 'Nhắc nhận', en: 'Remind' },
  reminded: { vi: 'Đã gửi nhắc nhận cho hồ sơ {receipt}.', en: 'A reminder for {receipt} is on its way.' },
  reclaim: { vi: 'Thu hồi', en: 'Reclaim' },
  reclaimOpen: {
    vi: 'Ô {door} đã mở. Lấy kết quả về quầy rồi đóng cửa ô.',
    en: 'Door {door} is open. Take the result back to the counter and close the door.',
  },
  noLate: { vi: 'Không có hồ sơ trễ hẹn.', en: 'No dossier is late.' },
  apology: { vi: 'Thư xin lỗi', en: 'Apology letter' },
  apologySent: { vi: 'Đã có thư', en: 'Letter sent' },
  apologyNone: { vi: 'Chưa có thư', en: 'No letter yet' },
  print: { vi: 'In', en: 'Print' },
  close: { vi: 'Đóng', en: 'Close' },
  received: { vi: 'Hồ sơ nhận vào', en: 'Dossiers in' },
  pickedUp: { vi: 'Kết quả đã trả', en: 'Results out' },
  cancelled: { vi: 'Huỷ', en: 'Cancelled' },
  reclaimed: { vi: 'Thu hồi về quầy', en: 'Reclaimed' },
  onTime: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Trễ hẹn', en: 'Late' },
  lateWithApology: { vi: 'Trễ hẹn có thư xin lỗi', en: 'Late with apology' },
  onTimeRate: { vi: 'Tỷ lệ đúng hạn', en: 'On-time rate' },
  ratings: { vi: 'Lượt đánh giá', en: 'Ratings' },
  ratingAverage: { vi: 'Mức hài lòng (trên 5)', en: 'Satisfaction (of 5)' },
  incidents: { vi: 'Sự cố thiết bị', en: 'Hardware incidents' },
  month: { vi: 'Tháng', en: 'Month' },
  show: { vi: 'Xem', en: 'Show' },
  csv: { vi: 'Tải CSV', en: 'Download CSV' },
  reportTitle: { vi: 'Báo cáo tháng {month}', en: 'Report for {month}' },
  inOutChart: {
    vi: 'Hồ sơ vào và kết quả ra, 6 tháng gần nhất',
    en: 'Dossiers in and results out, last 6 months',
  },
  onTimeChart: { vi: 'Đúng hạn và trễ hẹn', en: 'On time and late' },
  ratingChart: { vi: 'Mức hài lòng theo tháng', en: 'Satisfaction by month' },
  incidentChart: { vi: 'Sự cố theo tháng', en: 'Incidents by month' },
  perDay: { vi: 'Trung bình mỗi ngày: {in} vào, {out} ra', en: 'Per day on average: {in} in, {out} out' },
  noData: { vi: 'Chưa có số liệu', en: 'No figures yet' },
  avgDaysReadyToPickup: {
    vi: 'Số ngày trung bình từ khi có kết quả đến khi nhận',
    en: 'Average days from result loaded to pickup',
  },
  avgDaysDropOffToPickup: {
    vi: 'Số ngày trung bình từ khi gửi hồ sơ đến khi nhận kết quả',
    en: 'Average days from drop-off to pickup',
  },
  doorOccupancy: { vi: 'Công suất sử dụng ô tủ', en: 'Door occupancy' },
  daysValue: { vi: '{n} ngày', en: '{n} days' },
  daysChart: { vi: 'Hồ sơ vào và kết quả ra theo ngày', en: 'Dossiers in and results out per day' },
  procedureChart: { vi: 'Tỷ lệ hồ sơ theo thủ tục', en: 'Share of each procedure' },
  procedureShare: { vi: '{n} hồ sơ ({pct})', en: '{n} dossiers ({pct})' },
  definitions: { vi: 'Cách tính', en: 'How the figures are counted' },
  defReceived: {
    vi: 'Hồ sơ vào: hồ sơ được ghi nhận trong kỳ (gửi tại tủ, hoặc đăng ký kết quả nộp trực tuyến / tại quầy), theo ngày ghi nhận. Kết quả ra: kết quả người dân đã nhận, theo ngày nhận.',
    en: 'Dossiers in: dossiers entered in the period (dropped off at the locker, or results filed online or at the counter registered), by the day entered. Results out: results picked up, by the day picked up.',
  },
  defDays: {
    vi: 'Số ngày đến khi nhận: của các kết quả được nhận trong kỳ, từ lúc cửa ô đóng lại với kết quả bên trong (và, với hồ sơ gửi tại tủ, từ lúc gửi) đến lúc nhận.',
    en: 'Days to pickup: of the results picked up in the period, from the door closing on the result (and, for dossiers dropped off at the locker, from the drop-off) to the pickup.',
  },
  defOccupancy: {
    vi: 'Công suất sử dụng ô tủ: thời gian các ô giữ hồ sơ (từ lúc gửi đến lúc cán bộ lấy) và kết quả (từ lúc nạp đến lúc người dân nhận hoặc thu hồi) của các hồ sơ kết thúc trong kỳ, chia cho số ô của tủ ({doors}) nhân thời gian đã qua của kỳ.',
    en: "Door occupancy: the time doors held the dossier (drop-off to collection by staff) and the result (loaded to picked up or reclaimed) of the dossiers closed in the period, over the bank's doors ({doors}) times the time gone in the period.",
  },
  from: { vi: 'Từ {from} đến {to}', en: 'From {from} to {to}' },
};

/** Dossier lifecycle states as staff read them. */
export const STATE_NAMES = {
  reserved: { vi: 'Đang gửi', en: 'Being dropped off' },
  deposited: { vi: 'Chờ lấy', en: 'Waiting in its door' },
  collecting: { vi: 'Đang lấy', en: 'Being collected' },
  at_counter: { vi: 'Tại quầy', en: 'At the counter' },
  loading: { vi: 'Đang nạp kết quả', en: 'Result being loaded' },
  ready: { vi: 'Chờ người dân nhận', en: 'Waiting for pickup' },
  picking_up: { vi: 'Đang nhận', en: 'Being picked up' },
  picked_up: { vi: 'Đã nhận', en: 'Picked up' },
  reclaiming: { vi: 'Đang thu hồi', en: 'Being reclaimed' },
  reclaimed: { vi: 'Đã thu hồi', en: 'Reclaimed' },
  cancelled: { vi: 'Đã huỷ', en: 'Cancelled' },
  needs_inspection: { vi: 'Cần kiểm tra', en: 'Needs inspection' },
};

/**
 * A dossier's state as staff read it; a state newer than the page by its own name.
 * @param {import('../shared/i18n.js').I18n} i18n
 * @param {string} state
 */
export function stateName(i18n, state) {
  const name = /** @type {Record<string, import('../shared/i18n.js').Bilingual>} */ (STATE_NAMES)[state];
  return name ? i18n.pick(name) : state;
}
