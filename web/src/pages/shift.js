// Supplier shift: a recipient's supplier shares over rolling windows of years (/shift)
// as stacked areas with the changes of the dominant supplier marked, the changes as a
// table, the suppliers that rose or fell between the first and the last window, and
// every window's dominant supplier, concentration and total.
// URL: #/shift/AZE?years=A-B&window=5&step=1
import * as Plot from '@observablehq/plot';
import { h } from '../dom.js';
import { t, formatNumber, formatShare } from '../i18n.js';
import { api, ensureNames } from '../api.js';
import { parseYears, formatYears } from '../url-state.js';
import { figure, slot } from '../figure.js';
import { yearRange, textForm, select, controlBar } from '../controls.js';
import { legendFor } from '../charts.js';
import { actorColours } from '../palette.js';
import { displayName } from '../names.js';
import { actorArgs } from '../unknown-actor.js';
import { yearSpan, shareSeries, rankSuppliers, dominantMarks, risersAndFallers } from '../analysis.js';
import { analysisLinks } from './periods.js';

const DEFAULT_COUNTRY = 'AZE';
const WINDOWS = [2, 3, 4, 5, 6, 8, 10];
const STEPS = [1, 2, 3, 4, 5];
const DEFAULTS = { window: 5, step: 1 };
// Suppliers drawn separately; the rest is summed as "other".
const STACK_GROUPS = 7;

export async function render(main, ctx) {
  const { state, bounds, link } = ctx;
  const [id] = await actorArgs(main, ctx, [DEFAULT_COUNTRY]) || [];
  if (!id) return;
  const window = choice(state.params.window, WINDOWS, DEFAULTS.window);
  const step = choice(state.params.step, STEPS, DEFAULTS.step);
  const asked = state.params.years ? parseYears(state.params.years, null, bounds[0], bounds[1]) : null;
  const answer = api('shift', { country: id, years: asked ? formatYears(asked) : '', window, step });
  // Without years in the URL the server takes the recipient's own span: the slider shows it.
  const computed = await answer.then((a) => yearSpan(a.meta.years), () => null);
  const years = asked || computed || [bounds[0], bounds[1]];
  await ensureNames([id]);
  const name = displayName(id);
  const number = (key, values) => select({
    label: t(`shift_${key}`), name: key, value: String(key === 'window' ? window : step),
    options: values.map((n) => ({ value: String(n), label: String(n) })),
    onChange: (v) => ctx.setParams({ [key]: Number(v) === DEFAULTS[key] ? null : v }),
  });
  main.append(h('h1', {}, t('shift_title', { name })), controlBar(
    textForm({ label: t('country_pick'), name: 'country', value: id, onSubmit: (v) => v && ctx.go({ ...state, args: [v] }) }),
    yearRange({ min: bounds[0], max: bounds[1], value: years, onChange: (v) => ctx.setParams({ years: formatYears(v) }) }),
    number('window', WINDOWS), number('step', STEPS)),
  analysisLinks(ctx, id));

  // /suppliers names every supplier in the interface language; /search fills the gaps.
  const named = answer.then(({ meta, rows }) => api('suppliers', { country: id, years: meta.years }).catch(() => null).then(() => ensureNames([
    ...rankSuppliers(rows).slice(0, STACK_GROUPS), ...(meta.dominant_changes || []).flatMap((c) => [c.previous, c.next]),
    ...risersAndFallers(meta).map((r) => r.supplier),
  ]))).catch(() => null);
  // The chart reports a failed answer; the tables then stay empty.
  const quiet = answer.catch(() => null);
  slot(main, async () => {
    const { meta, rows } = await answer;
    await named;
    const { groups, points } = shareSeries(rows, STACK_GROUPS);
    const labels = groups.map(supplierName);
    const marks = dominantMarks(meta.dominant_changes);
    return figure({
      title: t('shift_chart', { name, window: meta.window, years: meta.years }), meta, rows: points, sourceRows: rows, id: 'shift-chart',
      chart: points.length ? shareChart(points.map((p) => ({ ...p, label: supplierName(p.group) })), labels, actorColours(groups), marks) : null,
      legend: legendFor(labels, actorColours(groups)),
      extra: [h('p', { class: 'hint' }, t('shift_hint', { window: meta.window, step: meta.step }))],
    });
  });

  const tables = h('div', { class: 'two-up' });
  main.append(tables);
  slot(tables, async () => {
    const { meta } = await quiet || {};
    if (!meta) return null;
    await named;
    return figure({
      title: t('shift_changes', { name }), meta, rows: meta.dominant_changes || [], id: 'shift-changes',
      columns: [
        { label: t('from_window'), text: (r) => r.from_window },
        { label: t('to_window'), text: (r) => r.to_window },
        { label: t('previous_dominant'), text: (r) => supplierName(r.previous) },
        { label: t('new_dominant'), text: (r) => supplierName(r.next), href: (r) => supplierHref(link, r.next, id) },
      ],
    });
  });
  slot(tables, async () => {
    const { meta } = await quiet || {};
    if (!meta) return null;
    await named;
    const [first, last] = meta.compared_windows || ['', ''];
    return figure({
      title: t('shift_rising', { first, last }), meta, rows: risersAndFallers(meta), id: 'shift-rising',
      columns: [
        { label: t('direction'), text: (r) => t(r.direction) },
        { label: t('supplier'), text: (r) => supplierName(r.supplier), href: (r) => supplierHref(link, r.supplier, id) },
        { label: t('share_in', { years: first }), text: (r) => formatShare(r.first_share), numeric: true },
        { label: t('share_in', { years: last }), text: (r) => formatShare(r.last_share), numeric: true },
        { label: t('change'), text: (r) => percentagePoints(r.change), numeric: true },
      ],
    });
  });

  slot(main, async () => {
    const { meta, rows } = await quiet || {};
    if (!meta) return null;
    await named;
    return figure({
      title: t('shift_windows', { name, window: meta.window }), meta, rows, id: 'shift-windows',
      columns: [
        { label: t('window'), text: (r) => r.years },
        { label: t('dominant'), text: (r) => (r.dominant ? supplierName(r.dominant) : '—') },
        { label: t('share'), text: (r) => (r.dominant ? formatShare(r.dominant_share) : '—'), numeric: true },
        { label: 'HHI', text: (r) => formatNumber(r.hhi, 3), numeric: true },
        { label: t('total_tiv'), text: (r) => formatNumber(r.total), numeric: true },
        { label: t('top_suppliers_col'), text: (r) => Object.entries(r.shares || {}).slice(0, 3).map(([s, v]) => `${supplierName(s)} ${formatShare(v)}`).join(', ') },
      ],
    });
  });
}

function choice(text, allowed, fallback) {
  return allowed.includes(Number(text)) ? Number(text) : fallback;
}

function supplierName(id) {
  if (id === 'other') return t('other');
  if (id === 'unknown') return t('unknown');
  return displayName(id);
}

function supplierHref(link, supplier, recipient) {
  return /^[A-Z]{3}$/.test(supplier || '') ? link('dyad', [supplier, recipient]) : null;
}

// A change of share in percentage points, signed: 0.51 -> "+51 pp".
function percentagePoints(change) {
  const value = formatNumber(Math.abs(change) * 100, 1);
  return `${change > 0 ? '+' : change < 0 ? '−' : ''}${value} ${t('pp')}`;
}

// Shares stacked by window (at each window's last year); dashed rules where a new
// supplier becomes dominant, labelled "previous → next" in two rows so neighbours do not
// overlap.
function shareChart(points, domain, colours, marks) {
  const labelled = marks.map((m, idx) => ({ ...m, text: `${m.previous}→${m.next}`, dy: idx % 2 ? -20 : -8 }));
  return Plot.plot({
    width: 860, height: 340, marginLeft: 50, marginTop: 34, marginRight: 36,
    x: { label: null, tickFormat: 'd' },
    y: { label: t('share'), grid: true, tickFormat: '%', domain: [0, 1] },
    color: { domain, range: colours },
    marks: [
      Plot.areaY(points, { x: 'year', y: 'share', fill: 'label', order: domain }),
      Plot.ruleY([0]),
      Plot.ruleX(labelled, { x: 'year', stroke: '#000', strokeDasharray: '4,3', strokeWidth: 1.5 }),
      Plot.text(labelled.filter((m) => m.dy === -8), { x: 'year', y: 1, text: 'text', dy: -8, fontSize: 10, fontWeight: 'bold' }),
      Plot.text(labelled.filter((m) => m.dy === -20), { x: 'year', y: 1, text: 'text', dy: -20, fontSize: 10, fontWeight: 'bold' }),
      Plot.tip(points, Plot.pointerX(Plot.stackY({ x: 'year', y: 'share', z: 'label', order: domain, title: (d) => `${d.label}, ${d.window}: ${formatShare(d.share)}` }))),
    ],
  });
}
