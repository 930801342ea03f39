// Platform page: what is known (show), its components over time coloured by the maker's
// state, and what a hypothetical embargo would stop (exposure).
// URL: #/platform/NAME?embargo=DEU,CAN
import * as Plot from '@observablehq/plot';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { figure, slot } from '../figure.js';
import { textForm, controlBar } from '../controls.js';
import { legendFor, toDate } from '../charts.js';
import { actorColour } from '../palette.js';
import { displayName } from '../names.js';

// A `show` detail naming one state ("TUR", or "Türkiye (TUR)" since names come with ids)
// links to that state's page.
function countryLink(link, detail) {
  const code = /^(?:.*\()?([A-Z]{3})\)?$/.exec(detail || '');
  return code ? link('country', [code[1]]) : null;
}

export function render(main, ctx) {
  const { state, link } = ctx;
  const name = state.args[0] || 'Bayraktar TB2';
  const embargo = state.params.embargo || '';
  main.append(h('h1', {}, t('platform_title', { name })), controlBar(
    textForm({ label: t('platform_pick'), name: 'platform', value: name, onSubmit: (v) => v && ctx.go({ ...state, args: [v] }) }),
    textForm({ label: t('exposure_embargo'), name: 'embargo', value: embargo, placeholder: 'DEU,CAN', onSubmit: (v) => ctx.setParams({ embargo: v }) })));

  const exposure = api('exposure', { platform: name });
  slot(main, async () => {
    const { meta, rows } = await exposure;
    const states = [...new Set(rows.map((r) => r.maker_state || '?'))];
    const now = new Date();
    // An unknown start is drawn from a few years before the earliest known date.
    const known = rows.flatMap((r) => [toDate(r.from), toDate(r.to)]).filter(Boolean).map(Number);
    const UNKNOWN_START_YEARS = 5;
    const fallback = new Date(Math.min(+now, ...known) - UNKNOWN_START_YEARS * 365.25 * 864e5);
    const bars = rows.map((r) => ({
      ...r, lane: r.part || r.component, state: r.maker_state || '?',
      start: toDate(r.from) || fallback, end: toDate(r.to) || now,
    }));
    const chart = rows.length ? Plot.plot({
      width: 860, height: 60 + new Set(bars.map((b) => b.lane)).size * 36, marginLeft: 120,
      x: { type: 'utc', label: null }, y: { label: null },
      color: { domain: states, range: states.map(makerColour) },
      marks: [
        Plot.barX(bars, { x1: 'start', x2: 'end', y: 'lane', fill: 'state', inset: 4, title: (d) => `${d.name} — ${d.maker} (${d.state}) ${d.from || '…'}–${d.to || ''}` }),
        Plot.text(bars, { x: 'start', y: 'lane', text: (d) => d.name, textAnchor: 'start', dx: 6, fill: 'black', stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' }),
      ],
    }) : null;
    return [
      figure({ title: t('components', { name: meta.platform_name || name }), meta, rows, chart, legend: legendFor(states.map(displayName), states.map(makerColour)), id: 'components' }),
      figure({
        title: `${t('components', { name: meta.platform_name || name })} — ${t('detail')}`, meta, rows, id: 'components-table',
        columns: [
          { label: 'part', text: (r) => r.part },
          { label: t('name'), text: (r) => r.name },
          { label: 'maker', text: (r) => r.maker },
          { label: 'state', text: (r) => displayName(r.maker_state || ''), href: (r) => (r.maker_state ? link('country', [r.maker_state]) : null) },
          { label: t('date'), text: (r) => `${r.from || '…'} – ${r.to || ''}` },
          { label: 'replaced by', text: (r) => r.replaced_by },
          { label: t('sources'), text: (r) => (r.sources || []).join('; ') },
        ],
      }),
    ];
  });

  if (embargo) {
    slot(main, async () => {
      const { meta, rows } = await api('exposure', { platform: name, embargo });
      return figure({
        title: t('exposure_title', { states: embargo }), meta, rows, id: 'exposure',
        columns: Object.keys(rows[0] || {}).filter((key) => !['platform', 'platform_name'].includes(key)).slice(0, 8)
          .map((key) => ({ label: key, text: (r) => (Array.isArray(r[key]) ? r[key].join('; ') : String(r[key] ?? '')) })),
      });
    });
  }

  slot(main, async () => {
    const { meta, rows } = await api('show', { name });
    return figure({
      title: t('facts', { name }), meta, rows, id: 'facts',
      columns: [
        { label: t('section'), text: (r) => r.section },
        { label: t('item'), text: (r) => r.item },
        { label: t('detail'), text: (r) => r.detail, href: (r) => countryLink(link, r.detail) },
        { label: t('date'), text: (r) => r.date },
        { label: t('sources'), text: (r) => (r.sources || []).join('; ') },
      ],
    });
  });
}

// A maker state's own colour (as on every chart); an unknown state ('?') in grey.
function makerColour(state) {
  return state === '?' ? '#bbbbbb' : actorColour(state);
}
