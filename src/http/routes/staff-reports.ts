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
  'avgDaysReadyToPickup',
  'avgDaysDropOffToPickup',
  'doors',
  'doorOccupancy',
] as const;

/** A CSV field: quoted when it holds a comma, a quote or a line break (procedure names may). */
function csvField(v: string | number | null): string {
  if (v === null) return '';
  const text = String(v);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (fields: readonly (string | number | null)[]) => `${fields.map(csvField).join(',')}\r\n`;

function ddmmyyyy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Late dossiers, apology letters and the period figures for staff and supervisors. */
export function staffReportRoutes(ctx: HttpContext): FastifyPluginAsyncTypebox {
  const { store, clock, config } = ctx.deps;

  function figures(from: number, to: number, label: { from: string; to: string }) {
    const { doorTimeHeldMs, days, procedures, ...f } = store.read(() => ({
      ...store.reports.periodFigures(from, to),
      incidents: store.incidents.countOpenedBetween(from, to),
      doors: store.lockers.list().length,
    }));
    const judged = f.onTime + f.late;
    // The period so far: a month still running is measured against the days gone, not the whole month.
    const elapsed = Math.min(to, clock()) - from;
    const byStart = new Map(days.map((d) => [d.dayStart, d]));
    const series = [];
    for (let at = from; at < to; at += DAY_MS) {
      const d = byStart.get(at);
      series.push({ date: localDate(new Date(at)), received: d?.received ?? 0, pickedUp: d?.pickedUp ?? 0 });
    }
    return {
      ...label,
      ...f,
      onTimeRate: judged === 0 ? null : f.onTime / judged,
      doorOccupancy: f.doors === 0 || elapsed <= 0 ? null : doorTimeHeldMs / (f.doors * elapsed),
      days: series,
      procedures: procedures.map((p) => ({ ...p, share: p.received / f.received })),
    };
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
          summary:
            "A month's report as CSV: a header and a figures row, then after a blank line the days " +
            '(date, received, pickedUp), then after another the procedures (code, names, received, share)',
          params: MonthParams,
          produces: ['text/csv'],
        },
      },
      async (request, reply) => {
        const f = month(request.params.month);
        const text = [
          csvLine(FIGURE_COLUMNS),
          csvLine(FIGURE_COLUMNS.map((c) => f[c])),
          '\r\n',
          csvLine(['date', 'received', 'pickedUp']),
          ...f.days.map((d) => csvLine([d.date, d.received, d.pickedUp])),
          '\r\n',
          csvLine(['procedure', 'nameVi', 'nameEn', 'received', 'share']),
          ...f.procedures.map((p) => csvLine([p.code, p.nameVi, p.nameEn, p.received, p.share])),
        ].join('');
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="report-${request.params.month}.csv"`)
          .send(text);
      },
    );
  };
}
