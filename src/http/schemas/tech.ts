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
