import type { KioskContext } from './context';

/** The procedures offered at the kiosk, as the screen lists them. */
export function procedures(ctx: Pick<KioskContext, 'store'>) {
  return {
    listActive() {
      return ctx.store.procedures.listActive().map((p) => ({
        code: p.code,
        nameVi: p.nameVi,
        nameEn: p.nameEn,
        size: p.lockerSize,
        workingDays: p.workingDays,
        feeNote: p.feeNote,
        secondFactor: p.secondFactor,
      }));
    },
  };
}
