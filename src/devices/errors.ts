/** Why a printer or scanner could not do what was asked; the kiosk shows staff the code. */
export type DeviceErrorCode =
  | 'printer_unreachable' // the port or tcp://host:9100 could not be opened
  | 'printer_timeout' // no answer to a status request in time: the job may not have arrived
  | 'printer_disconnected' // the link dropped while a job was going out
  | 'printer_paper_out' // the paper sensor reports no paper: nothing was sent
  | 'scanner_unreachable' // the scanner's port could not be opened
  | 'scan_garbled' // a line with bytes no scanner sends for a real code
  | 'scan_too_long'; // a line longer than any code this kiosk reads: noise, or a lost terminator

export class DeviceError extends Error {
  constructor(
    readonly code: DeviceErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DeviceError';
  }
}
