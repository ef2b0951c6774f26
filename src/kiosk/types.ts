/** Store types the front ends name through the kiosk layer (they import neither store nor ledger). */
export type { StaffRole } from '../store';
