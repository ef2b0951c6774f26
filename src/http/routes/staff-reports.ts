import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { HttpContext } from '../context';
import { DossierIdParams, ERROR_REPLIES } from '../schemas/common';
import { ApologyReply, Figures, LateList, MonthParams } from '../schemas/staff';

const TAGS = ['staff'];

/** Late dossiers, apology letters and the period figures for staff and supervisors. */
export function staffReportRoutes(ctx: HttpContext): FastifyPluginAsyncTypebox {
  const { lateDossiers, reportFigures } = ctx.kiosk;

  return async (app) => {
    app.get(
      '/late',
      {
        schema: { tags: TAGS, summary: 'Dossiers past their appointment date', response: { 200: LateList } },
      },
      async () => ({ items: lateDossiers.list() }),
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
      async (request) => lateDossiers.apology(request.params.dossierId),
    );

    app.get(
      '/figures/today',
      { schema: { tags: TAGS, summary: "Today's figures", response: { 200: Figures } } },
      async () => reportFigures.today(),
    );

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
      async (request) => reportFigures.month(request.params.month),
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
        const text = reportFigures.monthCsv(request.params.month);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="report-${request.params.month}.csv"`)
          .send(text);
      },
    );
  };
}
