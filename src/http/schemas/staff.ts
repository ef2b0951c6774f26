import { Type } from 'typebox';

/** Sign-in and the one-stop counter staff's API. */

export const LoginBody = Type.Object(
  {
    accountId: Type.String({ minLength: 1, maxLength: 64 }),
    pin: Type.String({ minLength: 1, maxLength: 32 }),
  },
  { additionalProperties: false },
);

export const SessionReply = Type.Object({
  token: Type.String({ description: 'Send as "Authorization: Bearer <token>"' }),
  role: Type.String(),
  expiresAt: Type.Integer(),
});

export const ConfirmCollectedBody = Type.Object(
  { externalCode: Type.String({ minLength: 1, maxLength: 64, description: 'The one-stop software code' }) },
  { additionalProperties: false },
);

export const FindQuery = Type.Object({
  q: Type.String({
    minLength: 1,
    maxLength: 256,
    description: 'Receipt number, scanned text or one-stop code',
  }),
});

export const RegisterResultBody = Type.Object(
  {
    procedureCode: Type.String({ minLength: 1, maxLength: 32 }),
    origin: Type.Union([Type.Literal('online'), Type.Literal('counter')]),
    externalCode: Type.String({ minLength: 1, maxLength: 64 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    phone: Type.String({ pattern: '^\\+?[0-9 .-]{9,20}$' }),
  },
  { additionalProperties: false },
);

export const LateItem = Type.Object({
  dossierId: Type.Integer(),
  receiptNo: Type.String(),
  procedureCode: Type.String(),
  state: Type.String(),
  appointmentDate: Type.Union([Type.String(), Type.Null()]),
  apologyAt: Type.Union([Type.Integer(), Type.Null()]),
});

export const LateList = Type.Object({ items: Type.Array(LateItem) });

export const ApologyReply = Type.Object({
  dossierId: Type.Integer(),
  receiptNo: Type.String(),
  letter: Type.Object({ vi: Type.String(), en: Type.String() }),
});

export const Figures = Type.Object({
  from: Type.String(),
  to: Type.String(),
  received: Type.Integer(),
  pickedUp: Type.Integer(),
  cancelled: Type.Integer(),
  reclaimed: Type.Integer(),
  onTime: Type.Integer(),
  late: Type.Integer(),
  lateWithApology: Type.Integer(),
  onTimeRate: Type.Union([Type.Number(), Type.Null()]),
  ratings: Type.Integer(),
  ratingAverage: Type.Union([Type.Number(), Type.Null()]),
  incidents: Type.Integer(),
  avgDaysReadyToPickup: Type.Union([Type.Number(), Type.Null()], {
    description:
      'Of the dossiers picked up in the period: mean days from the result closed in its door to the pickup',
  }),
  avgDaysDropOffToPickup: Type.Union([Type.Number(), Type.Null()], {
    description: 'Of the kiosk drop-offs picked up in the period: mean days from the drop-off to the pickup',
  }),
  doors: Type.Integer({ description: "The bank's doors, in service or not" }),
  doorOccupancy: Type.Union([Type.Number(), Type.Null()], {
    description:
      'Door-time held by the dossiers closed in the period (dossier deposited -> collected by staff, result ' +
      'loaded -> picked up or reclaimed), over doors x the period so far; 0..1, a stay counted in the period its dossier closed in',
  }),
  days: Type.Array(
    Type.Object({
      date: Type.String({ description: 'YYYY-MM-DD, local' }),
      received: Type.Integer({ description: 'Dossiers in that day' }),
      pickedUp: Type.Integer({ description: 'Results picked up that day' }),
    }),
    { description: 'Every day of the period, in order' },
  ),
  procedures: Type.Array(
    Type.Object({
      code: Type.String(),
      nameVi: Type.String(),
      nameEn: Type.String(),
      received: Type.Integer(),
      share: Type.Number({ description: 'Of the dossiers in, 0..1' }),
    }),
    { description: 'Dossiers in per procedure, most first' },
  ),
});

export const MonthParams = Type.Object({ month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }) });
