import { Type } from 'typebox';

/** The kiosk screen's API: drop-off, pickup, rating, status. */

export const ProcedureSchema = Type.Object({
  code: Type.String(),
  nameVi: Type.String(),
  nameEn: Type.String(),
  size: Type.Union([Type.Literal('S'), Type.Literal('M'), Type.Literal('L')]),
  workingDays: Type.Integer(),
  feeNote: Type.Union([Type.String(), Type.Null()]),
  secondFactor: Type.Boolean(),
});

export const ProcedureList = Type.Object({ procedures: Type.Array(ProcedureSchema) });

export const DropOffBody = Type.Object(
  {
    procedureCode: Type.String({ minLength: 1, maxLength: 32 }),
    onlineCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    phone: Type.String({ pattern: '^\\+?[0-9 .-]{9,20}$' }),
  },
  { additionalProperties: false },
);

export const TicketParams = Type.Object({ ticket: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' }) });

export const WaitQuery = Type.Object({
  waitMs: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 25_000,
      description: 'Long poll: wait this long for the door to close',
    }),
  ),
});

export const DoorTicketReply = Type.Object({
  ticket: Type.String({ description: 'Names this door on later calls; keep it on the screen only' }),
  door: Type.Integer({ description: 'The number painted on the door' }),
});

export const Receipt = Type.Object({
  receiptNo: Type.String(),
  receiptDisplay: Type.String(),
  appointmentDate: Type.String(),
  qrPayload: Type.String(),
  qrImage: Type.String({ description: 'The QR as an SVG data URL' }),
  door: Type.Integer(),
});

export const DropOffProgress = Type.Object({
  status: Type.Union([
    Type.Literal('door_open'),
    Type.Literal('deposited'),
    Type.Literal('cancelled'),
    Type.Literal('needs_inspection'),
  ]),
  door: Type.Integer(),
  receipt: Type.Union([Receipt, Type.Null()], {
    description: 'Present once: on the first reading after the door closed on the dossier',
  }),
});

/**
 * Either the receipt's QR, or its number and the typed code (one object, not a union: Ajv's
 * removal of unknown fields would strip one branch's fields while trying the other).
 */
export const PickupBody = Type.Object(
  {
    qr: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    receiptNo: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    code: Type.Optional(Type.String({ minLength: 1, maxLength: 16 })),
    secondFactor: Type.Optional(Type.String({ pattern: '^[0-9]{4}$' })),
    /** The receipt the kiosk's own scanner read, held by the daemon for its second factor. */
    scanned: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const PickupProgress = Type.Object({
  status: Type.Union([
    Type.Literal('door_open'),
    Type.Literal('picked_up'),
    Type.Literal('left_inside'),
    Type.Literal('needs_inspection'),
  ]),
  door: Type.Integer(),
});

export const RatingBody = Type.Object(
  { rating: Type.Integer({ minimum: 1, maximum: 5 }) },
  { additionalProperties: false },
);

export const KioskStatus = Type.Object({
  inService: Type.Boolean({ description: 'False: show the out-of-service screen' }),
  maintenance: Type.Boolean(),
  linkDown: Type.Boolean(),
  freeDoors: Type.Object({ S: Type.Integer(), M: Type.Integer(), L: Type.Integer() }),
});

export const PresenceCodeReply = Type.Object({ code: Type.String(), expiresAt: Type.Integer() });
