// Pure helpers of the periods, shock and shift pages (no DOM), unit-tested in node: they
// turn the API's answers into what the charts draw. The placebo distribution repeats the
// server's rule (src/analysis/shock.cpp) because /shock reports only its rank and p-value;
// the page checks its result against those before drawing it.

const DAY_MS = 864e5;

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

// A date with precision ("2022", "2022-05", "2022-05-10") -> the inclusive range of day
// numbers (days since 1970-01-01) it may stand for; null when unreadable.
export function dayRange(text) {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(String(text || '').trim());
  if (!match) return null;
  const year = Number(match[1]);
  const first = dayNumber(year, Number(match[2] || 1), Number(match[3] || 1));
  if (match[3]) return { first, last: first };
  if (match[2]) return { first, last: dayNumber(year, Number(match[2]), daysInMonth(year, Number(match[2]))) };
  return { first, last: dayNumber(year, 12, 31) };
}

export function dayNumber(year, month, day) {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function dayText(day) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function daysInMonth(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// The same day `months` months later (or earlier), clamped to the month's last day.
function addMonths(day, months) {
  const date = new Date(day * DAY_MS);
  const index = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return dayNumber(year, month, Math.min(date.getUTCDate(), daysInMonth(year, month)));
}

// "12m", "1y", "365d" -> {length, unit: 'months'|'days'}; null when unreadable.
export function parseWindow(text) {
  const match = /^(\d{1,6})([mdy])$/.exec(String(text || ''));
  if (!match || Number(match[1]) < 1) return null;
  const length = Number(match[1]);
  if (match[2] === 'd') return { length, unit: 'days' };
  return { length: match[2] === 'y' ? length * 12 : length, unit: 'months' };
}

function shift(day, window, sign) {
  return window.unit === 'days' ? day + sign * window.length : addMonths(day, sign * window.length);
}

// Half-open windows [before, shock) and [shock, after) around a day.
function windowsAt(day, window) {
  return { before: shift(day, window, -1), shock: day, after: shift(day, window, 1) };
}

// Counts events ({first, last} day ranges) in the windows; an event that overlaps a
// window without lying wholly inside one is ambiguous and not counted.
function countEvents(events, w) {
  const counts = { before: 0, after: 0, ambiguous: 0 };
  for (const event of events) {
    if (event.last < w.before || event.first >= w.after) continue;
    if (event.first >= w.before && event.last < w.shock) counts.before += 1;
    else if (event.first >= w.shock && event.last < w.after) counts.after += 1;
    else counts.ambiguous += 1;
  }
  return counts;
}

// The statistic: events after minus what the before rate predicts for the after window.
function excess(counts, w) {
  return counts.after - counts.before * ((w.after - w.shock) / (w.shock - w.before));
}

function nextPlaceboDay(day, step) {
  if (step === 'day') return day + 1;
  const date = new Date(day * DAY_MS);
  return addMonths(dayNumber(date.getUTCFullYear(), date.getUTCMonth() + 1, 1), 1);
}

function firstPlaceboDay(first, step) {
  return step === 'day' || new Date(first * DAY_MS).getUTCDate() === 1 ? first : nextPlaceboDay(first, step);
}

// The shock test's placebo distribution, by the server's rule: every placebo date (every
// day, or every first of a month) of the span whose two windows fit inside it, the shock's
// own date excepted, with its counts and statistic; plus the shock's own statistic, its
// rank (1 + placebo dates with a larger statistic) and one-sided placebo p-value.
// dates: the selected facts' dates ("2022-05"); span: "2011-01-01..2022-12-31".
const TOLERANCE = 1e-9;
export function placeboDistribution({ dates, shock, window, span, step = 'month' }) {
  const events = dates.map(dayRange).filter(Boolean);
  const win = parseWindow(window);
  const shockDay = dayRange(shock)?.first;
  const [from, to] = String(span || '').split('..').map((text) => dayRange(text));
  if (!win || shockDay === undefined) return null;
  const own = windowsAt(shockDay, win);
  const ownCounts = countEvents(events, own);
  const statistic = excess(ownCounts, own);
  const points = [];
  if (from && to) {
    for (let day = firstPlaceboDay(from.first, step); day <= to.last; day = nextPlaceboDay(day, step)) {
      const w = windowsAt(day, win);
      if (day === shockDay || w.before < from.first) continue;
      if (w.after > to.last + 1) break;
      const counts = countEvents(events, w);
      points.push({ date: dayText(day), before: counts.before, after: counts.after, statistic: excess(counts, w) });
    }
  }
  const larger = points.filter((p) => p.statistic > statistic + TOLERANCE).length;
  const atLeast = points.filter((p) => p.statistic >= statistic - TOLERANCE).length;
  return {
    before: ownCounts.before, after: ownCounts.after, statistic, points,
    rank: points.length ? 1 + larger : null, p: points.length ? atLeast / points.length : null,
  };
}

// Placebo statistics -> histogram bins of width 1 centred on whole numbers (month windows
// differ by a few days, so statistics are near but not exactly whole), in value order.
export function histogram(values) {
  const counts = new Map();
  for (const value of values) {
    const bin = Math.round(value);
    counts.set(bin, (counts.get(bin) || 0) + 1);
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
