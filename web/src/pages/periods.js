// Development periods: a yearly series (a country's arms exports or imports, or a
// curated indicator) with the periods PELT detects (/periods) shaded and each period's
// mean drawn, the periods a source gives (by default the article's, for Türkiye's
// exports) for comparison, and the periods as a table.
// URL: #/periods?series=exports:TUR&years=A-B&min_length=3&compare=1970-1990,1990-2004
import * as Plot from '@observablehq/plot';
import { h } from '../dom.js';
import { t, formatNumber, formatChange, capitalise } from '../i18n.js';
import { api, ensureNames } from '../api.js';
import { parseYears, formatYears } from '../url-state.js';
import { mergeMeta } from '../citation.js';
import { figure, slot } from '../figure.js';
import { yearRange, textForm, select, controlBar } from '../controls.js';
import { OKABE_ITO } from '../palette.js';
import { displayName } from '../names.js';
import { parseSeries, yearSpan, fillYears, indicatorValues, periodSegments, changeYears, comparedPeriods } from '../analysis.js';

const DEFAULT_SERIES = 'exports:TUR';
const MIN_LENGTHS = [1, 2, 3, 4, 5, 6, 8, 10];
const DEFAULT_MIN_LENGTH = 3;
const COLOURS = { series: OKABE_ITO[4], mean: OKABE_ITO[0], detected: '#bbbbbb', compared: OKABE_ITO[5] };

export async function render(main, ctx) {
  const { state, bounds } = ctx;
  const series = state.params.series || DEFAULT_SERIES;
  const minLength = MIN_LENGTHS.includes(Number(state.params.min_length)) ? Number(state.params.min_length) : DEFAULT_MIN_LENGTH;
  const compare = state.params.compare || '';
  const asked = state.params.years ? parseYears(state.params.years, null, bounds[0], bounds[1]) : null;
  const answer = api('periods', { series, years: asked ? formatYears(asked) : '', min_length: minLength, compare });
  // Without years in the URL the server takes the series' own span: the slider shows it.
  const computed = await answer.then((a) => yearSpan(a.meta.years), () => null);
  // The chart reports a failed answer; the tables then stay empty.
  const quiet = answer.catch(() => null);
  const years = asked || computed || [bounds[0], bounds[1]];
  const spec = parseSeries(series);
  const actor = spec ? await ctx.resolve(spec.actor) : '';
  await ensureNames([actor]);
  const label = seriesLabel(spec, actor, series);
  main.append(h('h1', {}, capitalise(t('periods_title', { series: label }))), controlBar(
    textForm({ label: t('periods_series'), name: 'series', value: series, placeholder: DEFAULT_SERIES, onSubmit: (v) => ctx.setParams({ series: v === DEFAULT_SERIES ? null : v }) }),
    yearRange({ min: bounds[0], max: bounds[1], value: years, onChange: (v) => ctx.setParams({ years: formatYears(v) }) }),
    select({
      label: t('periods_min_length'), name: 'min_length', value: String(minLength),
      options: MIN_LENGTHS.map((n) => ({ value: String(n), label: String(n) })),
      onChange: (v) => ctx.setParams({ min_length: Number(v) === DEFAULT_MIN_LENGTH ? null : v }),
    }),
    textForm({ label: t('periods_compare'), name: 'compare', value: compare, placeholder: '1970-1990,1990-2004,2005-2023', onSubmit: (v) => ctx.setParams({ compare: v }) })),
  analysisLinks(ctx, actor));

  slot(main, async () => {
    const { meta, rows } = await answer;
    const span = yearSpan(meta.years) || years;
    const values = await seriesValues(spec, span);
    const compared = comparedPeriods(meta.compare_periods);
    const title = capitalise(t('periods_chart', { series: label, years: meta.years }));
    const data = values.rows.map((v) => ({ ...v, period: rows.find((p) => v.year >= p.start && v.year <= p.end)?.period ?? '' }));
    return figure({
      title, meta: mergeMeta(meta, values.meta), rows: data, id: 'periods-chart',
      chart: data.length ? periodsChart(data, rows, compared, spec?.kind === 'indicator' ? null : t('tiv')) : null,
      legend: legend(compared.length > 0),
      extra: [h('p', { class: 'hint' }, t('periods_hint', { count: rows.length, penalty: meta.penalty === 'bic' ? 'BIC' : t('penalty_manual'), value: formatNumber(meta.penalty_value, 3), scale: t(meta.scale === 'raw' ? 'scale_raw' : 'scale_log'), min: meta.min_length })),
        meta.sensitivity ? h('p', { class: 'hint periods-sensitivity' }, t('periods_sensitivity', sensitivityText(meta))) : null,
        meta.compare_source ? h('p', { class: 'hint' }, t('periods_compare_source', { periods: (meta.compare_periods || []).join(', '), source: meta.compare_source })) : null],
    });
  });

  slot(main, async () => {
    const { meta, rows } = await quiet || {};
    if (!meta) return null;
    return figure({
      title: capitalise(t('periods_table', { series: label, years: meta.years })), meta, rows, id: 'periods-table',
      columns: [
        { label: t('period'), text: (r) => String(r.period), numeric: true },
        { label: t('years'), text: (r) => (r.start === r.end ? String(r.start) : `${r.start}–${r.end}`), numeric: true },
        { label: t('period_length'), text: (r) => String(r.end - r.start + 1), numeric: true },
        { label: t('mean'), text: (r) => formatNumber(r.mean), numeric: true },
        { label: t('growth_vs_previous'), text: (r) => (r.change_vs_previous === null ? '—' : formatChange(r.change_vs_previous - 1)), numeric: true },
        { label: t('difference_vs_previous'), text: (r) => (r.period === 1 ? '—' : formatNumber(r.difference_vs_previous)), numeric: true },
      ],
    });
  });

  slot(main, async () => {
    const { meta } = await quiet || {};
    if (!meta?.compare?.length) return null;
    return figure({
      title: t('periods_compare_table', { periods: meta.compare_periods.join(', ') }), meta, rows: meta.compare, id: 'periods-compare',
      columns: [
        { label: t('given_boundary'), text: (r) => String(r.given), numeric: true },
        { label: t('nearest_detected'), text: (r) => (r.nearest_detected === null ? '—' : String(r.nearest_detected)), numeric: true },
        { label: t('offset_years'), text: (r) => (r.nearest_detected === null ? '—' : `${r.offset > 0 ? '+' : ''}${r.offset}`), numeric: true },
      ],
    });
  });
}

// meta.sensitivity ([{multiplier, periods}]) as "7–10" and "×0.25: 10, ×0.5: 10, …".
function sensitivityText(meta) {
  const [fewest, most] = meta.periods_range || [];
  const range = fewest === most ? String(fewest) : `${fewest}–${most}`;
  const counts = meta.sensitivity.map((s) => `×${formatNumber(s.multiplier, 2)}: ${s.periods}`).join(', ');
  return { range, counts };
}

function seriesLabel(spec, actor, text) {
  if (!spec) return text;
  const name = displayName(actor);
  if (spec.kind === 'indicator') return t('series_indicator', { metric: spec.metric, name });
  return t(spec.kind === 'exports' ? 'series_exports' : 'series_imports', { name });
}

// The yearly values the periods were detected on: delivered TIV (0 in years without
// deliveries, as the command counts them) or the indicator's yearly values.
async function seriesValues(spec, [from, to]) {
  if (!spec) return { meta: {}, rows: [] };
  if (spec.kind === 'indicator') {
    const { meta, rows } = await api('show', { name: spec.actor });
    return { meta, rows: indicatorValues(rows, spec.metric).filter((r) => r.year >= from && r.year <= to) };
  }
  const role = spec.kind === 'exports' ? 'supplier' : 'recipient';
  const { meta, rows } = await api('tiv', { [role]: spec.actor, by: 'year', years: formatYears([from, to]) });
  return { meta, rows: fillYears(rows, [from, to]) };
}

function legend(withCompared) {
  return [
    { label: t('series_value'), colour: COLOURS.series },
    { label: t('period_mean'), colour: COLOURS.mean },
    { label: t('detected_period'), colour: COLOURS.detected },
    ...(withCompared ? [{ label: t('compared_period'), colour: COLOURS.compared }] : []),
  ];
}

// The series as a line; detected periods as alternating shaded bands with their mean as
// a step; detected boundaries as grey rules; compared periods as labelled bars along the
// top (in two lanes, since a source's periods may share a boundary year) with their
// boundaries as dashed vermillion rules.
function periodsChart(values, periods, compared, yLabel) {
  const segments = periodSegments(periods);
  const top = Math.max(1, ...values.map((v) => v.value)) * (compared.length ? 1.25 : 1.08);
  const lane = (idx) => [top * (idx % 2 ? 0.9 : 0.95), top * (idx % 2 ? 0.945 : 0.995)];
  const bars = compared.map((p, idx) => ({ ...p, y1: lane(idx)[0], y2: lane(idx)[1] }));
  const xs = [...values.map((v) => v.year), ...compared.flatMap((p) => [p.from, p.to])];
  return Plot.plot({
    width: 860, height: 340, marginLeft: 60,
    x: { label: null, tickFormat: 'd', domain: [Math.min(...xs) - 0.5, Math.max(...xs) + 0.5] },
    y: { label: yLabel, grid: true, domain: [0, top] },
    marks: [
      Plot.rect(segments, { x1: 'x1', x2: 'x2', y1: 0, y2: top, fill: (d) => (d.band ? '#000' : '#888'), fillOpacity: 0.07 }),
      Plot.ruleX(changeYears(periods).map((year) => year - 0.5), { stroke: '#777', strokeWidth: 1 }),
      Plot.ruleX(compared.slice(1).map((p) => p.x1), { stroke: COLOURS.compared, strokeDasharray: '5,4', strokeWidth: 1.5 }),
      Plot.rect(bars, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: COLOURS.compared, fillOpacity: 0.3, stroke: COLOURS.compared, title: 'label' }),
      Plot.text(bars, { x: (d) => (d.x1 + d.x2) / 2, y: (d) => (d.y1 + d.y2) / 2, text: 'label', fontSize: 10 }),
      Plot.ruleY([0]),
      Plot.link(segments, { x1: 'x1', x2: 'x2', y1: 'mean', y2: 'mean', stroke: COLOURS.mean, strokeWidth: 3 }),
      Plot.line(values, { x: 'year', y: 'value', stroke: COLOURS.series, strokeWidth: 2 }),
      Plot.dot(values, { x: 'year', y: 'value', fill: COLOURS.series, r: 2 }),
      Plot.tip(values, Plot.pointerX({ x: 'year', y: 'value', title: (d) => `${d.year}: ${formatNumber(d.value)} (${t('period')} ${d.period})` })),
    ],
  });
}

// Links between the analyses and the country page for one country (the current page's
// own link left out, except on the periods page, which links exports and imports).
export function analysisLinks(ctx, actor) {
  const { link, state } = ctx;
  // Nothing to link (callers append the result with the DOM's append, which would print null).
  if (!/^[A-Z]{3}$/.test(actor || '')) return document.createDocumentFragment();
  const items = [
    ['periods', link('periods', [], { series: `exports:${actor}` }), t('link_periods_exports')],
    ['periods', link('periods', [], { series: `imports:${actor}` }), t('link_periods_imports')],
    ['shift', link('shift', [actor]), t('link_shift')],
    ['shock', link('shock', [], { actor }), t('link_shock')],
    ['country', link('country', [actor]), t('link_country')],
  ].filter(([page]) => page === 'periods' || page !== state.page);
  return h('p', { class: 'crumbs analysis-links' }, `${t('analyses_for', { name: displayName(actor) })} `,
    items.map(([page, href, text], idx) => [idx ? ' · ' : '', h('a', { href, 'data-page': page }, text)]));
}
