// @ts-check

import { dayOf, thisMonth } from '../shared/dates.js';
import { h } from '../shared/dom.js';
import { say } from '../shared/notice.js';
import { barChart, ringChart, shareChart } from './charts.js';
import { figureTiles } from './today.js';
import { staffView } from './view.js';

const TREND_MONTHS = 6;
/** The month's own figures, beside the tiles shared with today's. */
/** @type {import('./today.js').FigureKey[]} */
const REPORT_TILES = ['avgDaysReadyToPickup', 'avgDaysDropOffToPickup', 'doorOccupancy'];

/**
 * @param {string} month YYYY-MM
 * @param {number} back months earlier
 */
export function monthBefore(month, back) {
  const [y = 0, m = 1] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The supervisors' month report: figures, the last six months as charts, print and CSV.
 * @param {import('./main.js').StaffContext} ctx
 */
export function reportsView(ctx) {
  const { api, i18n } = ctx;
  const { t } = i18n;
  /** Dossiers in and results picked up, the same two bars in every chart that shows them. */
  const inOut = (/** @type {{ received: number, pickedUp: number }[]} */ rows) => [
    { name: t('received'), colour: '#0b4f8a', values: rows.map((x) => x.received) },
    { name: t('pickedUp'), colour: '#15803d', values: rows.map((x) => x.pickedUp) },
  ];
  const notice = h('p', { class: 'notice', role: 'status' });
  const body = h('div', { id: 'report' });
  const month = /** @type {HTMLInputElement} */ (
    h('input', { id: 'report-month', type: 'month', value: thisMonth(), required: true })
  );

  async function show() {
    const m = month.value;
    if (!/^\d{4}-\d{2}$/.test(m)) return;
    try {
      const months = Array.from({ length: TREND_MONTHS }, (_, i) => monthBefore(m, TREND_MONTHS - 1 - i));
      const all = await Promise.all(
        months.map((x) => api.get('/staff/reports/:month', { params: { month: x } })),
      );
      const f = all[all.length - 1];
      if (!f) return;
      const days = Number(f.to.slice(8, 10));
      const perDay = new Intl.NumberFormat(i18n.lang === 'vi' ? 'vi-VN' : 'en-GB', {
        maximumFractionDigits: 1,
      });
      const short = months.map((x) => `${x.slice(5)}/${x.slice(2, 4)}`);
      const pct = f.onTimeRate === null ? t('noData') : `${Math.round(f.onTimeRate * 100)} %`;
      /** @type {{ date: string, received: number, pickedUp: number }[]} */
      const daily = f.days;
      /** @type {{ code: string, nameVi: string, nameEn: string, received: number, share: number }[]} */
      const procedures = f.procedures;
      body.replaceChildren(
        h('h3', { id: 'report-title' }, t('reportTitle', { month: `${m.slice(5)}/${m.slice(0, 4)}` })),
        h('p', { class: 'muted' }, t('from', { from: dayOf(f.from), to: dayOf(f.to) })),
        h(
          'p',
          {},
          t('perDay', { in: perDay.format(f.received / days), out: perDay.format(f.pickedUp / days) }),
        ),
        figureTiles(i18n, f),
        figureTiles(i18n, f, REPORT_TILES),
        h(
          'div',
          { class: 'charts' },
          h(
            'figure',
            { class: 'wide', 'data-chart': 'days' },
            barChart({
              title: t('daysChart'),
              empty: t('noData'),
              labels: daily.map((d) => String(Number(d.date.slice(8, 10)))),
              labelEvery: 5,
              width: 960,
              series: inOut(daily),
            }),
            h('figcaption', {}, t('daysChart')),
          ),
          h(
            'figure',
            { 'data-chart': 'procedures' },
            shareChart({
              title: t('procedureChart'),
              empty: t('noData'),
              colour: '#0b4f8a',
              rows: procedures.map((p) => ({
                name: i18n.lang === 'vi' ? p.nameVi : p.nameEn,
                value: p.received,
                share: p.share,
              })),
              format: (r) => t('procedureShare', { n: r.value, pct: `${perDay.format(r.share * 100)} %` }),
            }),
            h('figcaption', {}, t('procedureChart')),
          ),
          h(
            'figure',
            { 'data-chart': 'months' },
            barChart({
              title: t('inOutChart'),
              empty: t('noData'),
              labels: short,
              series: inOut(all),
            }),
            h('figcaption', {}, t('inOutChart')),
          ),
          h(
            'figure',
            { 'data-chart': 'on-time' },
            ringChart({
              title: t('onTimeChart'),
              a: { name: t('onTime'), value: f.onTime, colour: '#15803d' },
              b: { name: t('late'), value: f.late, colour: '#b91c1c' },
              centre: pct,
            }),
            h('figcaption', {}, t('onTimeChart')),
          ),
          h(
            'figure',
            { 'data-chart': 'rating' },
            barChart({
              title: t('ratingChart'),
              empty: t('noData'),
              labels: short,
              series: [
                { name: t('ratingAverage'), colour: '#7c3aed', values: all.map((x) => x.ratingAverage) },
              ],
              format: (v) => (Math.round(v * 10) / 10).toString(),
            }),
            h('figcaption', {}, t('ratingChart')),
          ),
          h(
            'figure',
            { 'data-chart': 'incidents' },
            barChart({
              title: t('incidentChart'),
              empty: t('noData'),
              labels: short,
              series: [{ name: t('incidents'), colour: '#b45309', values: all.map((x) => x.incidents) }],
            }),
            h('figcaption', {}, t('incidentChart')),
          ),
        ),
        h(
          'section',
          { class: 'definitions', 'aria-labelledby': 'report-definitions' },
          h('h3', { id: 'report-definitions' }, t('definitions')),
          h('p', {}, t('defReceived')),
          h('p', {}, t('defDays')),
          h('p', {}, t('defOccupancy', { doors: f.doors })),
        ),
      );
      say(notice, i18n, '');
    } catch (error) {
      say(notice, i18n, error);
    }
  }

  async function csv() {
    try {
      await api.download(`/staff/reports/${month.value}/csv`, `report-${month.value}.csv`);
    } catch (error) {
      say(notice, i18n, error);
    }
  }

  show();
  return staffView(
    i18n,
    { id: 'reports', title: 'tabReports' },
    h(
      'form',
      {
        class: 'card row no-print',
        onsubmit: (/** @type {Event} */ e) => {
          e.preventDefault();
          show();
        },
      },
      h('div', { class: 'narrow' }, h('label', { for: 'report-month' }, t('month')), month),
      h('button', { type: 'submit', id: 'report-show' }, t('show')),
      h('button', { type: 'button', class: 'secondary', id: 'report-csv', onclick: csv }, t('csv')),
      h(
        'button',
        { type: 'button', class: 'secondary', id: 'report-print', onclick: () => window.print() },
        t('print'),
      ),
    ),
    notice,
    body,
  );
}
