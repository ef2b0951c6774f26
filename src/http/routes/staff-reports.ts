import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { localDate } from '../../domain/local-time';
import type { Dossier, DossierState } from '../../store';
import type { HttpContext } from '../context';
import { HttpRefusal } from '../errors';
import { DossierIdParams, ERROR_REPLIES } from '../schemas/common';
import { ApologyReply, Figures, LateList, MonthParams } from '../schemas/staff';
import { localMidnight, monthRange } from '../time';

const TAGS = ['staff'];
const DAY_MS = 86_400_000;
/** Where a late dossier can be: waiting for its result, or with its result in a door. */
const LATE_STATES: readonly DossierState[] = ['deposited', 'collecting', 'at_counter', 'loading', 'ready'];

const FIGURE_COLUMNS = [
  'from',
  'to',
  'received',
  'pickedUp',
  'cancelled',
  'reclaimed',
  'onTime',
  'late',
  'lateWithApology',
  'onTimeRate',
  'ratings',
  'ratingAverage',
  'incidents',
] as const;

function ddmmyyyy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Late dossiers, apology letters and the period figures for staff and supervisors. */
export function staffReportRoutes(ctx: HttpContext): FastifyPluginAsyncTypebox {
  const { store, clock, config } = ctx.deps;

  function figures(from: number, to: number, label: { from: string; to: string }) {
    const f = store.read(() => ({
      ...store.reports.periodFigures(from, to),
      incidents: store.incidents.countOpenedBetween(from, to),
    }));
    const judged = f.onTime + f.late;
    return { ...label, ...f, onTimeRate: judged === 0 ? null : f.onTime / judged };
  }

  function lateDossiers(): Dossier[] {
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

  return async (app) => {
    app.get(
      '/late',
      {
        schema: { tags: TAGS, summary: 'Dossiers past their appointment date', response: { 200: LateList } },
      },
      async () => ({
        items: lateDossiers().map((d) => ({
          dossierId: d.id,
          receiptNo: d.receiptNo,
          procedureCode: d.procedureCode,
          state: d.state,
          appointmentDate: d.appointmentDate,
          apologyAt: d.apologyAt,
        })),
      }),
    );

    app.get(
      '/late/:dossierId/apology',
      {
        schema: {
          tags: TAGS,
          summary: 'The apology letter of a late dossier',
          params: DossierIdParams,
          response: { 200: ApologyReply, ...ERROR_REPLIES },
        },
      },
      async (request) => {
        const d = store.dossiers.get(request.params.dossierId);
        if (!d) throw new HttpRefusal('not_found');
        if (!d.late || !d.appointmentDate) throw new HttpRefusal('not_allowed');
        const procedure = store.procedures.get(d.procedureCode);
        const due = ddmmyyyy(d.appointmentDate);
        return {
          dossierId: d.id,
          receiptNo: d.receiptNo,
          letter: {
            vi:
              `${config.kioskName} chân thành xin lỗi Ông/Bà vì hồ sơ "${procedure?.nameVi ?? d.procedureCode}", ` +
              `biên nhận số ${d.receiptNo}, chưa được trả kết quả đúng hẹn ngày ${due}. ` +
              'Chúng tôi sẽ báo Ông/Bà ngay khi có kết quả. Rất mong Ông/Bà thông cảm.',
            en:
              `${config.kioskName} sincerely apologises: the result of "${procedure?.nameEn ?? d.procedureCode}", ` +
              `receipt ${d.receiptNo}, was not ready on the promised date ${due}. ` +
              'We will notify you as soon as it is. Thank you for your patience.',
          },
        };
      },
    );

    app.get(
      '/figures/today',
      { schema: { tags: TAGS, summary: "Today's figures", response: { 200: Figures } } },
      async () => {
        const today = localDate(new Date(clock()));
        const from = localMidnight(today);
        return figures(from, from + DAY_MS, { from: today, to: today });
      },
    );

    const month = (m: string) => {
      const { from, to } = monthRange(m);
      return figures(from, to, { from: `${m}-01`, to: localDate(new Date(to - 1)) });
    };

    app.get(
      '/reports/:month',
      {
        schema: {
          tags: TAGS,
          summary: "A month's report",
          params: MonthParams,
          response: { 200: Figures, ...ERROR_REPLIES },
        },
      },
      async (request) => month(request.params.month),
    );

    app.get(
      '/reports/:month/csv',
      {
        schema: {
          tags: TAGS,
          summary: "A month's report as CSV (one header row, one figures row)",
          params: MonthParams,
          produces: ['text/csv'],
        },
      },
      async (request, reply) => {
        const f = month(request.params.month);
        const row = FIGURE_COLUMNS.map((c) => (f[c] === null ? '' : String(f[c])));
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="report-${request.params.month}.csv"`)
          .send(`${FIGURE_COLUMNS.join(',')}\r\n${row.join(',')}\r\n`);
      },
    );
  };
}
