import { Type } from 'typebox';

/** The technician's API. */

export const MaintenanceBody = Type.Object({ on: Type.Boolean() }, { additionalProperties: false });
export const MaintenanceReply = Type.Object({ maintenance: Type.Boolean() });

const Reading = Type.Union([
  Type.Object({
    open: Type.Boolean(),
    locked: Type.Boolean(),
    present: Type.Union([Type.Boolean(), Type.Null()]),
  }),
  Type.Null(),
]);

export const LockerView = Type.Object({
  lockerId: Type.Integer(),
  door: Type.Integer(),
  bank: Type.Integer(),
  board: Type.Integer(),
  channel: Type.Integer(),
  size: Type.String(),
  inService: Type.Boolean(),
  outOfServiceReason: Type.Union([Type.String(), Type.Null()]),
  assigned: Type.Boolean(),
  unsettledOperation: Type.Boolean(),
  reading: Reading,
});
export const LockerList = Type.Object({ lockers: Type.Array(LockerView) });

export const DoorHistoryItem = Type.Object({
  operationId: Type.Integer(),
  dossierId: Type.Union([Type.Integer(), Type.Null()]),
  purpose: Type.String(),
  state: Type.String(),
  outcome: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  actor: Type.String(),
  createdAt: Type.Integer(),
  settledAt: Type.Union([Type.Integer(), Type.Null()]),
});
export const DoorHistory = Type.Object({ lockerId: Type.Integer(), operations: Type.Array(DoorHistoryItem) });

export const OpenDoorBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const ServiceBody = Type.Object(
  { inService: Type.Boolean(), reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
  { additionalProperties: false },
);

export const SettleBody = Type.Object(
  { found: Type.String({ minLength: 1, maxLength: 32, description: "One of the item's settleTo states" }) },
  { additionalProperties: false },
);

export const InspectionList = Type.Object({
  items: Type.Array(
    Type.Object({
      dossierId: Type.Integer(),
      receiptNo: Type.String(),
      state: Type.String(),
      lockerId: Type.Union([Type.Integer(), Type.Null()]),
      doorPosition: Type.Union([Type.Integer(), Type.Null()]),
      inspectedFrom: Type.Union([Type.String(), Type.Null()]),
      settleTo: Type.Array(Type.String()),
    }),
  ),
});

export const BulkOpenBody = Type.Object(
  {
    presenceCode: Type.String({ minLength: 1, maxLength: 12 }),
    reason: Type.String({ minLength: 1, maxLength: 200 }),
    lockerIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 200 }),
  },
  { additionalProperties: false },
);

export const BulkOpenReply = Type.Object({
  results: Type.Array(
    Type.Object({
      lockerId: Type.Integer(),
      door: Type.Integer(),
      ok: Type.Boolean(),
      error: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

export const IncidentList = Type.Object({
  incidents: Type.Array(
    Type.Object({
      id: Type.Integer(),
      lockerId: Type.Union([Type.Integer(), Type.Null()]),
      kind: Type.String(),
      openedAt: Type.Integer(),
    }),
  ),
});

export const BackupReply = Type.Object({ file: Type.String(), bytes: Type.Integer(), ms: Type.Number() });

/** Locker buses and boards, for the technician: counters and which wired boards are silent. */
export const LinkHealthReply = Type.Object({
  banks: Type.Array(
    Type.Object({
      bank: Type.Integer(),
      state: Type.String(),
      stats: Type.Record(Type.String(), Type.Number()),
      boards: Type.Array(Type.Object({ board: Type.Integer(), doors: Type.Integer(), open: Type.Integer() })),
    }),
  ),
  missingBoards: Type.Array(Type.Object({ bank: Type.Integer(), board: Type.Integer() })),
});

/** The bank (bus) number of the lockers table. */
export const BankParams = Type.Object({ bank: Type.Integer({ minimum: 0, maximum: 99 }) });

/** The technician confirms the probe's premise: every door of the bank shut and empty. */
export const CommissionBody = Type.Object(
  {
    allShutAndEmpty: Type.Literal(true, {
      description: 'Every door of the bank is shut and empty (the probe reads them as such)',
    }),
  },
  { additionalProperties: false },
);

/** Which polarity and byte layout fit a bank's boards, how sure, and what each board said. */
export const CommissionReply = Type.Object({
  bank: Type.Integer(),
  confidence: Type.Union([Type.Literal('high'), Type.Literal('low'), Type.Literal('none')]),
  fit: Type.Union([
    Type.Object({
      hookActiveHigh: Type.Boolean(),
      infraredActiveHigh: Type.Boolean(),
      bitOrder: Type.Union([Type.Literal('lsb-first'), Type.Literal('msb-first')]),
      layout: Type.Union([Type.Literal('usual'), Type.Literal('swapped')]),
      fitting: Type.Integer(),
      total: Type.Integer(),
      layoutUndecided: Type.Boolean(),
    }),
    Type.Null(),
  ]),
  overrides: Type.Union([
    Type.Object({
      hookActiveHigh: Type.Optional(Type.Boolean()),
      infraredActiveHigh: Type.Optional(Type.Boolean()),
      bitOrder: Type.Optional(Type.Union([Type.Literal('lsb-first'), Type.Literal('msb-first')])),
      hookBytes: Type.Optional(Type.Array(Type.Integer())),
      infraredBytes: Type.Optional(Type.Array(Type.Integer())),
    }),
    Type.Null(),
  ]),
  linkReadAllOpen: Type.Boolean(),
  boards: Type.Array(
    Type.Object({
      board: Type.Integer(),
      answered: Type.Boolean(),
      replyCommand: Type.Union([Type.Integer(), Type.Null()]),
      data: Type.Union([Type.String(), Type.Null()]),
      misfits: Type.Array(
        Type.Object({
          channel: Type.Integer(),
          door: Type.Union([Type.Integer(), Type.Null()]),
          open: Type.Boolean(),
          loaded: Type.Boolean(),
        }),
      ),
    }),
  ),
  explanation: Type.Array(Type.String()),
});
