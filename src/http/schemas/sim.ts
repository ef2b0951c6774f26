import { Type } from 'typebox';

/** The demo simulator's physical actions. */

export const SimDoorParams = Type.Object({
  lockerId: Type.Integer({ minimum: 1 }),
  action: Type.Union([
    Type.Literal('close'),
    Type.Literal('force_open'),
    Type.Literal('put_item'),
    Type.Literal('take_item'),
    Type.Literal('jam'),
    Type.Literal('unjam'),
  ]),
});

export const SimScanBody = Type.Object(
  { payload: Type.String({ minLength: 1, maxLength: 512 }) },
  { additionalProperties: false },
);

export const SimLinkBody = Type.Object({ cut: Type.Boolean() }, { additionalProperties: false });
export const SimBankParams = Type.Object({ bank: Type.Integer({ minimum: 0 }) });
