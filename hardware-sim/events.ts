import type { FireRecord, PhysicalChange } from './bank';

/** Everything the simulator receives, sends and does, for the console to print and tests to watch. */
export type SimEvent =
  | { type: 'connection'; state: 'open' | 'closed'; endpoint: string }
  | { type: 'rx'; text: string; bytes: Buffer; accepted: boolean; reason?: string }
  | { type: 'tx'; kind: 'reply' | 'event' | 'garbage' | 'echo'; text: string; bytes: Buffer }
  | { type: 'physical'; change: PhysicalChange }
  | { type: 'fire'; record: FireRecord }
  | { type: 'fault'; fault: string; detail: string }
  | { type: 'warning'; message: string };
