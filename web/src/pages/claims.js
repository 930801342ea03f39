// Claims: every sentence of the sources that has a machine check, its status, the
// claimed and the computed value, and the sources. URL: #/claims?status=contradicted
import * as Plot from '@observablehq/plot';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { figure, slot } from '../figure.js';
import { select, controlBar } from '../controls.js';
import { legendFor } from '../charts.js';
import { OKABE_ITO } from '../palette.js';

const STATUSES = ['supported', 'contradicted', 'unverifiable'];
// Okabe–Ito bluish green, vermillion, grey-ish blue: distinct for every colour vision.
const STATUS_COLOURS = [OKABE_ITO[2], OKABE_ITO[5], OKABE_ITO[1]];

export function render(main, ctx) {
  const { state } = ctx;
  const status = STATUSES.includes(state.params.status) ? state.params.status : '';
  main.append(h('h1', {}, t('claims_title')), controlBar(select({
    label: t('status'), name: 'status', value: status,
    options: [{ value: '', label: t('status_all') }, ...STATUSES.map((s) => ({ value: s, label: t(s) }))],
    onChange: (v) => ctx.setParams({ status: v }),
  })));
  slot(main, async () => {
    const { meta, rows } = await api('claims', status ? { status } : {});
    const counts = STATUSES.map((s) => ({ status: t(s), count: meta[s] ?? rows.filter((r) => r.status === s).length }));
    const chart = Plot.plot({
      width: 860, height: 140, marginLeft: 140,
      x: { label: null, grid: true }, y: { label: null, domain: counts.map((c) => c.status) },
      color: { domain: counts.map((c) => c.status), range: STATUS_COLOURS },
      marks: [Plot.barX(counts, { y: 'status', x: 'count', fill: 'status' }), Plot.text(counts, { y: 'status', x: 'count', text: 'count', dx: 12 }), Plot.ruleX([0])],
    });
    return [
      figure({ title: t('claims_title'), meta, rows: counts, sourceRows: rows, chart, legend: legendFor(counts.map((c) => c.status), STATUS_COLOURS), id: 'claims-chart' }),
      h('section', { class: 'figure claims-list', 'aria-label': t('nav_claims') },
        h('h2', {}, `${t('nav_claims')}: ${rows.length}`),
        h('ol', { class: 'claims' }, rows.map((claim) => h('li', { class: `claim claim-${claim.status}` },
          h('p', { class: 'claim-head' }, h('span', { class: `badge badge-${claim.status}` }, t(claim.status)), ' ', h('code', {}, claim.id)),
          h('blockquote', {}, claim.text),
          h('dl', {},
            h('dt', {}, t('claimed')), h('dd', {}, String(claim.claimed ?? '')),
            h('dt', {}, t('computed')), h('dd', {}, String(claim.computed ?? '')),
            claim.evidence ? [h('dt', {}, t('evidence')), h('dd', {}, claim.evidence)] : null,
            h('dt', {}, t('sources')), h('dd', {}, (claim.sources || []).join('; '))))))),
      figure({
        title: `${t('claims_title')} — ${t('detail')}`, meta, rows, id: 'claims-table',
        columns: [
          { label: 'id', text: (r) => r.id },
          { label: t('status'), text: (r) => t(r.status) },
          { label: t('claimed'), text: (r) => String(r.claimed ?? '') },
          { label: t('computed'), text: (r) => String(r.computed ?? '') },
          { label: t('sources'), text: (r) => (r.sources || []).join('; ') },
        ],
      }),
    ];
  });
}
