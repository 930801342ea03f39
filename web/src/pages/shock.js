// Shock test: curated facts (by default agreements between Türkiye and the Turkic states)
// counted in equal windows before and after a date, the exact Poisson rate test, the
// facts of each window, and the placebo distribution (the server's meta.placebo_distribution:
// the same excess at every other possible date) as a histogram with the real date marked.
// URL: #/shock?date=2022-02-24&window=12m&actor=TUR&with=AZE,KAZ&type=agreement&placebo=month
import * as Plot from '@observablehq/plot';
import { h } from '../dom.js';
import { t, formatNumber, capitalise } from '../i18n.js';
import { api, ensureNames } from '../api.js';
import { figure, slot } from '../figure.js';
import { textForm, select, controlBar } from '../controls.js';
import { OKABE_ITO } from '../palette.js';
import { displayName } from '../names.js';
import { parseWindow, splitList, histogram, windowFacts } from '../analysis.js';

const DEFAULT_DATE = '2022-02-24';
const DEFAULT_WINDOW = '12m';
const WINDOWS = ['3m', '6m', '12m', '24m', '36m', '365d'];
const KINDS = ['agreement', 'event', 'embargo', 'venture'];
const STEPS = ['month', 'day'];
const MAX_INTEGER_TICKS = 24;
const COLOURS = { before: OKABE_ITO[1], after: OKABE_ITO[0], placebo: OKABE_ITO[4], shock: OKABE_ITO[5] };

export function render(main, ctx) {
  const { state } = ctx;
  const date = state.params.date || DEFAULT_DATE;
  const window = state.params.window || DEFAULT_WINDOW;
  const { actor = '', with: partners = '' } = state.params;
  const type = [...KINDS, 'all'].includes(state.params.type) ? state.params.type : 'agreement';
  const placebo = STEPS.includes(state.params.placebo) ? state.params.placebo : 'month';
  main.append(h('h1', {}, t('shock_title', { date })), controlBar(
    textForm({ label: t('shock_date'), name: 'date', value: date, placeholder: 'YYYY-MM-DD', onSubmit: (v) => ctx.setParams({ date: v === DEFAULT_DATE ? null : v }) }),
    select({
      label: t('shock_window'), name: 'window', value: window,
      options: (WINDOWS.includes(window) ? WINDOWS : [...WINDOWS, window]).map((w) => ({ value: w, label: windowLabel(w) })),
      onChange: (v) => ctx.setParams({ window: v === DEFAULT_WINDOW ? null : v }),
    }),
    textForm({ label: t('actor'), name: 'actor', value: actor, placeholder: 'TUR', onSubmit: (v) => ctx.setParams({ actor: v }) }),
    textForm({ label: t('with'), name: 'with', value: partners, placeholder: 'AZE, KAZ, KGZ, TKM, UZB', onSubmit: (v) => ctx.setParams({ with: v }) }),
    select({
      label: t('type'), name: 'type', value: type,
      options: [...KINDS, 'all'].map((k) => ({ value: k, label: t(`kind_${k}`) })),
      onChange: (v) => ctx.setParams({ type: v === 'agreement' ? null : v }),
    }),
    select({
      label: t('placebo'), name: 'placebo', value: placebo,
      options: STEPS.map((s) => ({ value: s, label: t(`placebo_${s}`) })),
      onChange: (v) => ctx.setParams({ placebo: v === 'month' ? null : v }),
    })));

  const answer = api('shock', {
    date, window, placebo, actor: splitList(actor), with: splitList(partners), type: type === 'all' ? KINDS : type,
  });
  const named = answer.then(({ meta }) => ensureNames([...(meta.actors || []), ...(meta.with || [])])).catch(() => null);
  slot(main, async () => {
    const { meta, rows } = await answer;
    await named;
    const title = t('shock_counts', { date: meta.date, window: windowLabel(meta.window) });
    return [
      figure({
        title, meta, rows, id: 'shock-counts', chart: countsChart(rows), legend: windowLegend(),
        extra: [h('p', { class: 'hint' }, selection(meta)),
          h('p', { class: 'summary shock-summary' }, meta.underpowered
            ? t('shock_underpowered', { before: count(rows, 'before'), after: count(rows, 'after'), date: meta.date, min: meta.min_events })
            : t('shock_summary', {
              before: count(rows, 'before'), after: count(rows, 'after'), date: meta.date,
              p: formatP(meta.p_value), p_greater: formatP(meta.p_value_greater),
            })),
          meta.ambiguous ? h('p', { class: 'note' }, t('shock_ambiguous', { n: meta.ambiguous, facts: leftOut(meta.note) })) : null],
      }),
      figure({ title: t('shock_test', { date: meta.date }), meta, rows: testRows(meta, rows), id: 'shock-test', columns: [
        { label: t('measure'), text: (r) => r.measure },
        { label: t('value'), text: (r) => r.text, numeric: true },
      ] }),
      figure({
        title: t('shock_events', { date: meta.date }), meta, rows: windowFacts(rows), id: 'shock-events',
        columns: [
          { label: t('window'), text: (r) => t(`window_${r.window}`) },
          { label: t('date'), text: (r) => r.date },
          { label: t('title'), text: (r) => r.title },
          { label: t('identifier'), text: (r) => r.id },
        ],
      }),
      placeboFigure(meta),
    ];
  });
}

// The server's placebo distribution ([{statistic, dates}]) as a histogram; its rows (and
// CSV) are the distribution's entries.
function placeboFigure(meta) {
  const distribution = meta.placebo_distribution || [];
  return figure({
    title: t('shock_placebo', { n: meta.placebo_dates, date: meta.date }), meta, rows: distribution, id: 'shock-placebo',
    chart: distribution.length ? placeboChart(histogram(distribution), meta.statistic, meta.date) : null,
    legend: [{ label: t('placebo_dates'), colour: COLOURS.placebo }, { label: meta.date, colour: COLOURS.shock }],
    extra: [h('p', { class: 'hint' }, distribution.length
      ? t('shock_placebo_hint', { step: t(`placebo_${meta.placebo_step}`), span: meta.placebo_span.replace('..', ' – '), date: meta.date, rank: meta.placebo_rank, of: meta.placebo_dates + 1, p: formatP(meta.placebo_p) })
      : t('shock_no_placebo'))],
  });
}

function count(rows, window) {
  return rows.find((r) => r.window === window)?.count ?? 0;
}

// The facts the server's note names as left out: "… were left out: ID (DATE), ID (DATE)".
function leftOut(note) {
  return /left out: (.+)$/.exec(note || '')?.[1] || '—';
}

function formatP(value) {
  return value === null || value === undefined ? '—' : formatNumber(value, 4);
}

function windowLabel(text) {
  const window = parseWindow(text);
  if (!window) return text;
  return t(window.unit === 'days' ? 'n_days' : 'n_months', { n: window.length });
}

function windowLegend() {
  return [{ label: t('window_before'), colour: COLOURS.before }, { label: t('window_after'), colour: COLOURS.after }];
}

// "Agreements involving Türkiye and Azerbaijan, Kazakhstan, …"
function selection(meta) {
  const names = (ids) => (ids || []).map(displayName).join(', ');
  const kinds = (meta.types || []).map((k) => t(`kind_${k}`)).join(', ');
  return capitalise(meta.with?.length
    ? t('shock_selection', { kinds, actors: names(meta.actors), with: names(meta.with) })
    : t('shock_selection_any', { kinds, actors: names(meta.actors) }));
}

// The test as measure/value rows (the counts first), for the table and its CSV.
function testRows(meta, rows) {
  const rank = meta.placebo_rank === null ? '—' : t('rank_of', { rank: meta.placebo_rank, of: meta.placebo_dates + 1 });
  return [
    { key: 'before', measure: t('count_before', { from: rows[0]?.from, to: rows[0]?.to }), value: count(rows, 'before'), text: String(count(rows, 'before')) },
    { key: 'after', measure: t('count_after', { from: rows[1]?.from, to: rows[1]?.to }), value: count(rows, 'after'), text: String(count(rows, 'after')) },
    // Underpowered (too few facts for any split to be significant): no p-value as a finding.
    { key: 'p_value', measure: t('p_two_sided'), value: meta.p_value, text: meta.underpowered ? t('underpowered') : formatP(meta.p_value) },
    { key: 'p_value_greater', measure: t('p_greater'), value: meta.p_value_greater, text: meta.underpowered ? t('underpowered') : formatP(meta.p_value_greater) },
    { key: 'rate_ratio', measure: t('rate_ratio'), value: meta.rate_ratio, text: meta.rate_ratio === null ? '—' : formatNumber(meta.rate_ratio, 3) },
    { key: 'statistic', measure: t('excess_after'), value: meta.statistic, text: formatNumber(meta.statistic, 3) },
    { key: 'placebo_rank', measure: t('placebo_rank'), value: meta.placebo_rank, text: rank },
    { key: 'placebo_p', measure: t('placebo_p'), value: meta.placebo_p, text: formatP(meta.placebo_p) },
    { key: 'placebo_p_two_sided', measure: t('placebo_p_two_sided'), value: meta.placebo_p_two_sided, text: formatP(meta.placebo_p_two_sided) },
  ];
}

function countsChart(rows) {
  const bars = rows.map((r) => ({ ...r, label: `${t(`window_${r.window}`)}: ${r.from} – ${r.to}` }));
  const most = Math.max(1, ...rows.map((r) => r.count));
  return Plot.plot({
    width: 860, height: 130, marginLeft: 230, marginRight: 40,
    x: { label: t('facts_count'), grid: true, domain: [0, most], ticks: Math.min(most, 10), tickFormat: 'd' },
    y: { label: null, domain: bars.map((b) => b.label) },
    color: { domain: ['before', 'after'], range: [COLOURS.before, COLOURS.after] },
    marks: [
      Plot.barX(bars, { y: 'label', x: 'count', fill: 'window', title: (d) => `${d.label}: ${d.count}` }),
      Plot.text(bars, { y: 'label', x: 'count', text: (d) => String(d.count), dx: 8, textAnchor: 'start', fontWeight: 'bold' }),
      Plot.ruleX([0]),
    ],
  });
}

// Bars: placebo dates by their excess (binned to whole numbers); the rule: the real date.
function placeboChart(bins, statistic, date) {
  const top = Math.max(1, ...bins.map((b) => b.count));
  const values = [statistic, ...bins.map((b) => b.value)];
  const [low, high] = [Math.floor(Math.min(...values)), Math.ceil(Math.max(...values))];
  // Whole-number ticks (the bins' values) unless there are too many.
  const ticks = high - low <= MAX_INTEGER_TICKS ? Array.from({ length: high - low + 1 }, (_, idx) => low + idx) : undefined;
  // The label on the side of the rule with more room.
  const right = statistic < (low + high) / 2;
  return Plot.plot({
    width: 860, height: 280, marginLeft: 60, marginTop: 24,
    x: { label: t('excess_after'), ticks, tickFormat: ticks ? 'd' : undefined },
    y: { label: t('placebo_dates'), grid: true, domain: [0, top * 1.1] },
    marks: [
      Plot.rectY(bins, { x1: 'x1', x2: 'x2', y: 'count', fill: COLOURS.placebo, fillOpacity: 0.8, title: (d) => `${formatNumber(d.value, 0)}: ${d.count}` }),
      Plot.ruleY([0]),
      Plot.ruleX([statistic], { stroke: COLOURS.shock, strokeWidth: 3 }),
      Plot.text([statistic], { x: (d) => d, y: top * 1.1, text: () => `${date}: ${formatNumber(statistic, 2)}`, textAnchor: right ? 'start' : 'end', dx: right ? 6 : -6, dy: 8, fill: COLOURS.shock, fontWeight: 'bold' }),
    ],
  });
}
