import type { Dossier, DossierState } from '../store';
import type { KioskContext } from './context';
import { KioskRefusal } from './refusals';

/** Where a late dossier can be: waiting for its result, or with its result in a door. */
const LATE_STATES: readonly DossierState[] = ['deposited', 'collecting', 'at_counter', 'loading', 'ready'];

function ddmmyyyy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export type LateDossiers = ReturnType<typeof lateDossiers>;

/** Dossiers past their appointment date, and the apology letter the counter hands over. */
export function lateDossiers(ctx: Pick<KioskContext, 'store' | 'settings'>) {
  const { store, settings } = ctx;

  function late(): Dossier[] {
    const out: Dossier[] = [];
    for (const state of LATE_STATES) {
      for (let after = 0; ; ) {
        const page = store.dossiers.listByState(state, 500, after);
        out.push(...page.filter((d) => d.late));
        if (page.length < 500) break;
        after = page[page.length - 1]!.id;
      }
    }
    return out;
  }

  return {
    list() {
      return late().map((d) => ({
        dossierId: d.id,
        receiptNo: d.receiptNo,
        procedureCode: d.procedureCode,
        state: d.state,
        appointmentDate: d.appointmentDate,
        apologyAt: d.apologyAt,
      }));
    },

    apology(dossierId: number) {
      const d = store.dossiers.get(dossierId);
      if (!d) throw new KioskRefusal('not_found');
      if (!d.late || !d.appointmentDate) throw new KioskRefusal('not_allowed');
      const procedure = store.procedures.get(d.procedureCode);
      const due = ddmmyyyy(d.appointmentDate);
      const { kioskName } = settings;
      return {
        dossierId: d.id,
        receiptNo: d.receiptNo,
        letter: {
          vi:
            `${kioskName} chân thành xin lỗi Ông/Bà vì hồ sơ "${procedure?.nameVi ?? d.procedureCode}", ` +
            `biên nhận số ${d.receiptNo}, chưa được trả kết quả đúng hẹn ngày ${due}. ` +
            'Chúng tôi sẽ báo Ông/Bà ngay khi có kết quả. Rất mong Ông/Bà thông cảm.',
          en:
            `${kioskName} sincerely apologises: the result of "${procedure?.nameEn ?? d.procedureCode}", ` +
            `receipt ${d.receiptNo}, was not ready on the promised date ${due}. ` +
            'We will notify you as soon as it is. Thank you for your patience.',
        },
      };
    },
  };
}
