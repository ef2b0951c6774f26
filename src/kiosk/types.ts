/** Ledger and store types the front ends name through the kiosk layer (they import neither). */
export type { RegisterResultRequest, WorkItem } from '../ledger';
export type { StaffRole } from '../store';
