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
});

export const MonthParams = Type.Object({ month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }) });
