import { Type } from 'typebox';

/** Schemas shared by several audiences. */

export const Bilingual = Type.Object({ vi: Type.String(), en: Type.String() });

export const ErrorReply = Type.Object(
  { error: Type.Object({ code: Type.String(), message: Bilingual }) },
  { description: 'Every refusal: a stable code and a message in Vietnamese and English.' },
);

/** The replies every route may give besides its success. */
export const ERROR_REPLIES = {
  400: ErrorReply,
  401: ErrorReply,
  403: ErrorReply,
  404: ErrorReply,
  409: ErrorReply,
  423: ErrorReply,
  429: ErrorReply,
  503: ErrorReply,
};

export const DossierIdParams = Type.Object({ dossierId: Type.Integer({ minimum: 1 }) });
export const LockerIdParams = Type.Object({ lockerId: Type.Integer({ minimum: 1 }) });

/** A door opened for a person; the number is painted on the door. */
export const DoorOpened = Type.Object({
  operationId: Type.Integer(),
  dossierId: Type.Union([Type.Integer(), Type.Null()]),
  door: Type.Integer({ description: 'The number painted on the door' }),
});

export const DossierStateSchema = Type.String({ description: 'A dossier lifecycle state' });

export const WorkItemSchema = Type.Object({
  dossierId: Type.Integer(),
  receiptNo: Type.String(),
  procedureCode: Type.String(),
  externalCode: Type.Union([Type.String(), Type.Null()]),
  state: DossierStateSchema,
  lockerId: Type.Union([Type.Integer(), Type.Null()]),
  doorPosition: Type.Union([Type.Integer(), Type.Null()]),
  appointmentDate: Type.Union([Type.String(), Type.Null()]),
  depositedAt: Type.Union([Type.Integer(), Type.Null()]),
  readyAt: Type.Union([Type.Integer(), Type.Null()]),
});

export const WorkItemList = Type.Object({ items: Type.Array(WorkItemSchema) });

export const Ok = Type.Object({ ok: Type.Boolean() });
