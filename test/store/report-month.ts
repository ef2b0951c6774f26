import type { Store } from '../../src/store/database';

/**
 * A November 2026 of known dossiers, for the report tests of the store and of the API. Times are
 * wall-clock times in Ho Chi Minh City; the figures each test expects are worked out by hand in
 * the comments, not by the code under test.
 */
export const at = (local: string) => Date.parse(`${local}+07:00`);
export const HOUR = 3_600_000;
export const NOVEMBER = { from: at('2026-11-01T00:00:00'), to: at('2026-12-01T00:00:00') };

export const PROCEDURES = [
  { code: 'HT.01', nameVi: 'Đăng ký hộ kinh doanh', nameEn: 'Household business registration' },
  { code: 'KS.01', nameVi: 'Đăng ký khai sinh', nameEn: 'Birth registration' },
] as const;

type Life = {
  receipt: string;
  procedure: 'HT.01' | 'KS.01';
  origin: 'kiosk' | 'online' | 'counter';
  state: 'picked_up' | 'cancelled' | 'reclaimed' | 'deposited';
  created: string;
  deposited?: string;
  collected?: string;
  ready?: string;
  closed?: string;
  rating?: number;
};

/**
 * In November: 7 dossiers in (HT.01: A, D, H; KS.01: B, C, F, I), 4 picked up (E on the 2nd, C on
 * the 4th, A on the 6th, B on the 12th).
 * Result in its door -> pickup: A 1.5 d, B 2 d, C 0.5 d, E 1 d: mean 1.25 d.
 * Drop-off -> pickup (kiosk drop-offs only): A 4.5 d, B 9.875 d, E 1.375 d: mean 5.25 d.
 * Door-time held by the dossiers closed in November: A 6 h + 36 h, B 24 h + 48 h, C 12 h,
 * E 6 h + 24 h, H 456 h (a result left 19 days, then reclaimed), D none: 612 h.
 */
export const NOVEMBER_LIVES: readonly Life[] = [
  // A: dropped off, collected 6 h later, result ready on the 5th, picked up 36 h after.
  {
    receipt: 'A',
    procedure: 'HT.01',
    origin: 'kiosk',
    state: 'picked_up',
    created: '2026-11-02T10:00:00',
    deposited: '2026-11-02T10:00:00',
    collected: '2026-11-02T16:00:00',
    ready: '2026-11-05T10:00:00',
    closed: '2026-11-06T22:00:00',
    rating: 5,
  },
  // B: collected the next day, picked up two days after its result.
  {
    receipt: 'B',
    procedure: 'KS.01',
    origin: 'kiosk',
    state: 'picked_up',
    created: '2026-11-02T11:00:00',
    deposited: '2026-11-02T11:00:00',
    collected: '2026-11-03T11:00:00',
    ready: '2026-11-10T08:00:00',
    closed: '2026-11-12T08:00:00',
    rating: 4,
  },
  // C: filed online, no drop-off; its result waited 12 h.
  {
    receipt: 'C',
    procedure: 'KS.01',
    origin: 'online',
    state: 'picked_up',
    created: '2026-11-03T08:00:00',
    ready: '2026-11-04T09:00:00',
    closed: '2026-11-04T21:00:00',
  },
  // D: the citizen backed out; the door never held anything.
  {
    receipt: 'D',
    procedure: 'HT.01',
    origin: 'kiosk',
    state: 'cancelled',
    created: '2026-11-05T09:00:00',
    closed: '2026-11-05T09:02:00',
  },
  // E: dropped off at 23:00 on 31 October (October's), picked up in November.
  {
    receipt: 'E',
    procedure: 'KS.01',
    origin: 'kiosk',
    state: 'picked_up',
    created: '2026-10-31T23:00:00',
    deposited: '2026-10-31T23:00:00',
    collected: '2026-11-01T05:00:00',
    ready: '2026-11-01T08:00:00',
    closed: '2026-11-02T08:00:00',
  },
  // F: dropped off at 23:30 on the last day, still waiting for staff.
  {
    receipt: 'F',
    procedure: 'KS.01',
    origin: 'kiosk',
    state: 'deposited',
    created: '2026-11-30T23:30:00',
    deposited: '2026-11-30T23:30:00',
  },
  // G: dropped off at midnight opening December: not November's.
  {
    receipt: 'G',
    procedure: 'HT.01',
    origin: 'kiosk',
    state: 'deposited',
    created: '2026-12-01T00:00:00',
    deposited: '2026-12-01T00:00:00',
  },
  // H: a counter result left 19 days in its door, then reclaimed.
  {
    receipt: 'H',
    procedure: 'HT.01',
    origin: 'counter',
    state: 'reclaimed',
    created: '2026-11-01T08:00:00',
    ready: '2026-11-01T09:00:00',
    closed: '2026-11-20T09:00:00',
  },
  // I: dropped off mid-month, still waiting for staff.
  {
    receipt: 'I',
    procedure: 'KS.01',
    origin: 'kiosk',
    state: 'deposited',
    created: '2026-11-15T14:00:00',
    deposited: '2026-11-15T14:00:00',
  },
];

/** The two procedures (if missing) and November's dossiers, through the store's own writes. */
export function seedNovember(store: Store): void {
  const t = (s: string | undefined) => (s === undefined ? undefined : at(s));
  store.write(() => {
    for (const p of PROCEDURES) {
      if (store.procedures.get(p.code)) continue;
      store.procedures.upsert({
        ...p,
        workingDays: 3,
        feeNote: null,
        lockerSize: 'S',
        secondFactor: false,
        active: true,
      });
    }
    for (const life of NOVEMBER_LIVES) {
      const id = store.dossiers.insert({
        receiptNo: `NOV-${life.receipt}`,
        procedureCode: life.procedure,
        origin: life.origin,
        state: life.origin === 'kiosk' ? 'reserved' : 'at_counter',
        createdAt: at(life.created),
      });
      store.dossiers.update(
        id,
        {
          state: life.state,
          depositedAt: t(life.deposited),
          collectedAt: t(life.collected),
          readyAt: t(life.ready),
          pickedUpAt: life.state === 'picked_up' ? t(life.closed) : undefined,
          closedAt: t(life.closed),
          rating: life.rating,
        },
        life.origin === 'kiosk' ? 'reserved' : 'at_counter',
      );
    }
  });
}
