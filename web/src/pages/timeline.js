// Timeline: dated events, agreements, embargoes and ventures, filtered by actor, partner
// and type. URL: #/timeline?actor=TUR&with=OTS&type=agreement&from=2000&to=2024
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { figure, slot } from '../figure.js';
import { textForm, select, controlBar } from '../controls.js';
import { dateLanes, legendFor, kindColours, toDate } from '../charts.js';

const KINDS = ['event', 'agreement', 'embargo', 'venture'];

export function render(main, ctx) {
  const { state, link } = ctx;
  const { actor = '', with: partner = '', type = '', from = '', to = '' } = state.params;
  main.append(h('h1', {}, t('timeline_title')), controlBar(
    textForm({ label: t('actor'), name: 'actor', value: actor, onSubmit: (v) => ctx.setParams({ actor: v }) }),
    textForm({ label: t('with'), name: 'with', value: partner, onSubmit: (v) => ctx.setParams({ with: v }) }),
    select({
      label: t('type'), name: 'type', value: type,
      options: [{ value: '', label: t('type_all') }, ...KINDS.map((k) => ({ value: k, label: k }))],
      onChange: (v) => ctx.setParams({ type: v }),
    }),
    textForm({ label: t('year_from'), name: 'from', value: from, placeholder: 'YYYY', onSubmit: (v) => ctx.setParams({ from: v }) }),
    textForm({ label: t('year_to'), name: 'to', value: to, placeholder: 'YYYY', onSubmit: (v) => ctx.setParams({ to: v }) })));
  slot(main, async () => {
    const { meta, rows } = await api('timeline', { actor, with: partner, type, from, to });
    const items = rows.map((r) => ({ ...r, lane: r.kind, start: toDate(r.date), end: toDate(r.end_date) }));
    const lanes = KINDS.filter((k) => items.some((i) => i.kind === k));
    return [
      figure({ title: t('timeline_chart'), meta, rows, chart: rows.length ? dateLanes(items, { lanes, domain: KINDS }) : null, legend: legendFor(KINDS, kindColours(KINDS)), id: 'timeline-chart' }),
      figure({
        title: `${t('timeline_chart')} — ${t('detail')}`, meta, rows, id: 'timeline-table',
        columns: [
          { label: t('date'), text: (r) => (r.end_date ? `${r.date} – ${r.end_date}` : r.date) },
          { label: t('kind'), text: (r) => `${r.kind} (${r.type})` },
          { label: t('title'), text: (r) => r.title },
          { label: 'actors', text: (r) => (r.actors || []).join(', '), href: (r) => (r.actors?.length >= 2 && /^[A-Z]{3}$/.test(r.actors[0]) && /^[A-Z]{3}$/.test(r.actors[1]) ? link('dyad', r.actors.slice(0, 2)) : null) },
          { label: t('sources'), text: (r) => (r.sources || []).join('; ') },
        ],
      }),
    ];
  });
}
