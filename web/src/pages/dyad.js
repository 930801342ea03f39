// Dyad page: two countries' transfers in both directions, their agreements, events and
// embargoes on one timeline, and the same as tables. URL: #/dyad/A/B?years=A-B
import * as Plot from '@observablehq/plot';
import { h } from '../dom.js';
import { t, formatNumber } from '../i18n.js';
import { api, ensureNames } from '../api.js';
import { parseYears, formatYears } from '../url-state.js';
import { mergeMeta, withRowSources } from '../citation.js';
import { figure, slot } from '../figure.js';
import { yearRange, textForm, controlBar } from '../controls.js';
import { legendFor, kindColours, toDate } from '../charts.js';
import { actorColour } from '../palette.js';
import { displayName } from '../names.js';
import { actorArgs } from '../unknown-actor.js';

const KINDS = ['agreement', 'event', 'embargo', 'venture'];

export async function render(main, ctx) {
  const { state, bounds, link } = ctx;
  const ids = await actorArgs(main, ctx, ['TUR', 'AZE']);
  if (!ids) return;
  const [a, b] = ids;
  await ensureNames([a, b]);
  const years = parseYears(state.params.years, [bounds[0], bounds[1]], bounds[0], bounds[1]);
  const span = formatYears(years);
  const names = { a: displayName(a), b: displayName(b) };
  main.append(h('h1', {}, t('dyad_title', names)),
    h('p', { class: 'crumbs' }, h('a', { href: link('country', [a], { years: span }) }, names.a), ' · ',
      h('a', { href: link('country', [b], { years: span }) }, names.b)),
    controlBar(
      textForm({ label: t('dyad_pick_a'), name: 'a', value: a, onSubmit: (v) => v && ctx.go({ ...state, args: [v, b] }) }),
      textForm({ label: t('dyad_pick_b'), name: 'b', value: b, onSubmit: (v) => v && ctx.go({ ...state, args: [a, v] }) }),
      yearRange({ min: bounds[0], max: bounds[1], value: years, onChange: (v) => ctx.setParams({ years: formatYears(v) }) })));

  const timeline = api('timeline', { actor: a, with: b, from: String(years[0]), to: String(years[1]) });
  slot(main, async () => {
    const [ab, ba, tl] = await Promise.all([
      api('tiv', { supplier: a, recipient: b, by: 'year', years: span }),
      api('tiv', { supplier: b, recipient: a, by: 'year', years: span }),
      timeline,
    ]);
    const direction_ab = `${a} → ${b}`;
    const direction_ba = `${b} → ${a}`;
    const transfers = [
      ...ab.rows.map((r) => ({ year: r.year, direction: direction_ab, tiv: r.tiv })),
      ...ba.rows.map((r) => ({ year: r.year, direction: direction_ba, tiv: r.tiv })),
    ];
    const events = tl.rows.map((r) => ({ ...r, start: toDate(r.date), end: toDate(r.end_date) }));
    const domain = [direction_ab, direction_ba, ...KINDS];
    const rows = [
      ...transfers.map((r) => ({ date: String(r.year), kind: 'transfer', direction: r.direction, tiv: r.tiv })),
      ...tl.rows.map((r) => ({ date: r.date, end_date: r.end_date, kind: r.kind, type: r.type, title: r.title, sources: r.sources })),
    ];
    const chart = transfers.length || events.length ? dyadChart(transfers, events, domain, years, dyadColours(a, b)) : null;
    return figure({
      title: t('dyad_timeline', names), meta: mergeMeta(ab.meta, ba.meta, withRowSources(tl.meta, tl.rows)), rows, chart,
      legend: legendFor(domain, dyadColours(a, b)), id: 'dyad-timeline',
    });
  });
  slot(main, async () => {
    const { meta, rows } = await timeline;
    return figure({
      title: `${t('timeline_title')}: ${names.a} – ${names.b}`, meta, rows, id: 'dyad-events',
      columns: [
        { label: t('date'), text: (r) => (r.end_date ? `${r.date} – ${r.end_date}` : r.date) },
        { label: t('kind'), text: (r) => `${r.kind} (${r.type})` },
        { label: t('title'), text: (r) => r.title },
        { label: t('sources'), text: (r) => (r.sources || []).join('; ') },
      ],
    });
  });
  slot(main, async () => {
    const [ab, ba] = await Promise.all([
      api('tiv', { supplier: a, recipient: b, by: 'category', years: span }),
      api('tiv', { supplier: b, recipient: a, by: 'category', years: span }),
    ]);
    const rows = [
      ...ab.rows.map((r) => ({ supplier: a, recipient: b, ...r })),
      ...ba.rows.map((r) => ({ supplier: b, recipient: a, ...r })),
    ].sort((x, y) => y.tiv - x.tiv);
    return figure({
      title: t('dyad_categories', names), meta: mergeMeta(ab.meta, ba.meta), rows, id: 'dyad-categories',
      columns: [
        { label: t('supplier'), text: (r) => displayName(r.supplier), href: (r) => link('country', [r.supplier]) },
        { label: t('recipient'), text: (r) => displayName(r.recipient), href: (r) => link('country', [r.recipient]) },
        { label: t('category'), text: (r) => r.category },
        { label: t('tiv'), text: (r) => formatNumber(r.tiv), numeric: true },
      ],
    });
  });
}

// Each direction in its supplier's colour (as on every chart); dated facts in their kind colours.
function dyadColours(a, b) {
  return [actorColour(a), actorColour(b), ...kindColours(KINDS)];
}

// Yearly TIV bars (one per direction, side by side in each year) with dated facts as
// symbols along the top on the same time axis.
function dyadChart(transfers, events, domain, years, colours) {
  const bars = transfers.map((r) => ({
    ...r,
    x1: new Date(Date.UTC(r.year, 0, 1) + (r.direction === domain[1] ? 182 : 0) * 864e5),
    x2: new Date(Date.UTC(r.year, 0, 1) + (r.direction === domain[1] ? 365 : 182) * 864e5),
  }));
  const top = Math.max(1, ...transfers.map((r) => r.tiv)) * 1.12;
  const dated = events.filter((e) => e.start);
  const first = Math.min(Date.UTC(years[0], 0, 1), ...dated.map((e) => +e.start));
  return Plot.plot({
    width: 860, height: 340, marginLeft: 60,
    x: { type: 'utc', label: null, domain: [new Date(first), new Date(Date.UTC(years[1] + 1, 0, 1))] },
    y: { label: 'TIV', grid: true, domain: [0, top * 1.08] },
    color: { domain, range: colours },
    symbol: { domain: ['agreement', 'event', 'embargo', 'venture'], range: ['circle', 'diamond', 'cross', 'square'] },
    marks: [
      Plot.rectY(bars, { x1: 'x1', x2: 'x2', y: 'tiv', fill: 'direction', title: (d) => `${d.direction} ${d.year}: ${formatNumber(d.tiv)} TIV` }),
      Plot.ruleY([0]),
      Plot.link(dated.filter((e) => e.end), { x1: 'start', x2: 'end', y1: top, y2: top, stroke: 'kind', strokeWidth: 4, strokeOpacity: 0.6 }),
      Plot.ruleX(dated, { x: 'start', y1: 0, y2: top, stroke: 'kind', strokeOpacity: 0.35, strokeDasharray: '2,3' }),
      Plot.dot(dated, { x: 'start', y: top, fill: 'kind', symbol: 'kind', r: 6, stroke: '#fff' }),
      Plot.tip(dated, Plot.pointerX({ x: 'start', y: top, title: (d) => `${d.date} ${d.kind}: ${d.title}` })),
    ],
  });
}
