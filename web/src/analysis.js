// Pure helpers of the periods, shock and shift pages (no DOM), unit-tested in node: they
// turn the API's answers into what the charts draw.

// "exports:TUR" -> {kind: 'exports', actor: 'TUR'}; "indicator:METRIC:ACTOR" ->
// {kind: 'indicator', metric, actor}; anything else -> null.
export function parseSeries(text) {
  const match = /^(exports|imports):(.+)$/.exec(text || '');
  if (match) return { kind: match[1], actor: match[2] };
  const indicator = /^indicator:([^:]+):(.+)$/.exec(text || '');
  return indicator ? { kind: 'indicator', metric: indicator[1], actor: indicator[2] } : null;
}

// "1970-1990" -> [1970, 1990]; a single year "2020" -> [2020, 2020]; else null.
export function yearSpan(text) {
  const match = /^(\d{4})(?:-(\d{4}))?$/.exec(String(text || '').trim());
  return match ? [Number(match[1]), Number(match[2] || match[1])] : null;
}

// "AZE, KAZ  UZB" -> ['AZE', 'KAZ', 'UZB'].
export function splitList(text) {
  return String(text || '').split(/[\s,;]+/).filter(Boolean);
}

// Yearly rows [{year, tiv}] as one value per year from..to, 0 where a year has no row
// (the periods command counts a year without deliveries as 0).
export function fillYears(rows, [from, to], key = 'tiv') {
  const values = new Map(rows.map((row) => [row.year, row[key]]));
  const filled = [];
  for (let year = from; year <= to; year += 1) filled.push({ year, value: values.get(year) ?? 0 });
  return filled;
}

// The rows of /show for an actor -> the yearly values of one indicator, in year order.
// Values are the leading number of `detail` ("56 count (estimate)"); rows of a period
// longer than a year are left out, as the periods command does.
export function indicatorValues(rows, metric) {
  return rows.filter((row) => row.section === 'indicators' && row.item === metric && /^\d{4}$/.test(row.date))
    .map((row) => ({ year: Number(row.date), value: Number.parseFloat(row.detail) }))
    .filter((row) => Number.isFinite(row.value)).sort((a, b) => a.year - b.year);
}

// Periods rows [{period, start, end, mean, ...}] -> segments on a year axis: each period
// covers its years from half a year before its start to half a year after its end, so
// neighbouring periods meet; `band` alternates 0/1 for shading.
export function periodSegments(rows) {
  return rows.map((row, idx) => ({
    period: row.period, start: row.start, end: row.end, mean: row.mean,
    x1: row.start - 0.5, x2: row.end + 0.5, band: idx % 2,
  }));
}

// The first year of every period but the first: where the series changes.
export function changeYears(rows) {
  return rows.slice(1).map((row) => row.start);
}

// meta.compare_periods ["1970-1990", "1990-2004"] -> [{label, from, to, x1, x2}] (the
// compared, e.g. the article's, periods); unreadable entries are skipped.
export function comparedPeriods(texts = []) {
  return texts.map((label) => ({ label, span: yearSpan(label) })).filter((p) => p.span)
    .map(({ label, span: [from, to] }) => ({ label, from, to, x1: from - 0.5, x2: to + 0.5 }));
}

// ---- shock ----

// "12m", "1y", "365d" -> {length, unit: 'months'|'days'}; null when unreadable.
export function parseWindow(text) {
  const match = /^(\d{1,6})([mdy])$/.exec(String(text || ''));
  if (!match || Number(match[1]) < 1) return null;
  const length = Number(match[1]);
  if (match[2] === 'd') return { length, unit: 'days' };
  return { length: match[2] === 'y' ? length * 12 : length, unit: 'months' };
}

// meta.placebo_distribution ([{statistic, dates}]: how many placebo dates have each
// statistic) -> histogram bins of width 1 centred on whole numbers (month windows differ
// by a few days, so statistics are near but not exactly whole), in value order; a bin's
// count is the number of placebo dates in it.
export function histogram(entries) {
  const counts = new Map();
  for (const { statistic, dates } of entries) {
    const bin = Math.round(statistic);
    counts.set(bin, (counts.get(bin) || 0) + dates);
  }
  return [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([value, count]) => ({ value, count, x1: value - 0.4, x2: value + 0.4 }));
}

// "2022-03-30 Türkiye–Uzbekistan ..." -> {date: '2022-03-30', title: 'Türkiye–Uzbekistan ...'}.
export function splitTitle(text) {
  const match = /^(\d{4}(?:-\d{2}){0,2})\s+(.*)$/.exec(String(text || ''));
  return match ? { date: match[1], title: match[2] } : { date: '', title: String(text || '') };
}

// The facts of /shock's window rows, one row per fact: {window, date, title, id}.
export function windowFacts(rows) {
  return rows.flatMap((row) => (row.titles || []).map((text, idx) => ({ window: row.window, ...splitTitle(text), id: row.events?.[idx] ?? '' })));
}

// ---- shift ----

// The last year of a window "1993-1997" (the x position of the window).
export function windowEnd(text) {
  return yearSpan(text)?.[1] ?? null;
}

// Suppliers ranked by their summed share over the windows, largest first.
export function rankSuppliers(rows) {
  const sums = new Map();
  for (const row of rows) for (const [id, share] of Object.entries(row.shares || {})) sums.set(id, (sums.get(id) || 0) + share);
  return [...sums.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
}

// /shift rows -> one point per (window, group) for a stacked area: the `top` suppliers
// by summed share, the rest summed as `other` (when there is a rest); windows with no
// deliveries have all shares 0. Returns {groups, points: [{year, window, group, share}]}.
export function shareSeries(rows, top = 7, other = 'other') {
  const ranked = rankSuppliers(rows);
  const kept = ranked.slice(0, top);
  const groups = ranked.length > top ? [...kept, other] : kept;
  const points = [];
  for (const row of rows) {
    const year = windowEnd(row.years);
    if (year === null) continue;
    const shares = row.shares || {};
    for (const id of kept) points.push({ year, window: row.years, group: id, share: shares[id] || 0 });
    if (groups.length > kept.length) {
      const rest = Object.entries(shares).filter(([id]) => !kept.includes(id)).reduce((sum, [, share]) => sum + share, 0);
      points.push({ year, window: row.years, group: other, share: rest });
    }
  }
  return { groups, points };
}

// meta.dominant_changes -> marks at the last year of the window where the new dominant
// supplier first leads: [{year, window, previous, next}].
export function dominantMarks(changes = []) {
  return changes.map((c) => ({ year: windowEnd(c.to_window), window: c.to_window, previous: c.previous, next: c.next }))
    .filter((mark) => mark.year !== null);
}

// meta.rising and meta.falling -> one table, rising first: [{direction, supplier, ...}].
export function risersAndFallers(meta = {}) {
  return [
    ...(meta.rising || []).map((row) => ({ direction: 'rising', ...row })),
    ...(meta.falling || []).map((row) => ({ direction: 'falling', ...row })),
  ];
}
