// Observable Plot charts used by the pages. Each returns an SVG element (no Plot
// legends: figure() draws legends itself so they also go into SVG/PNG downloads).
import * as Plot from '@observablehq/plot';
import { OKABE_ITO, groupColours, KIND_COLOURS } from './palette.js';
import { formatNumber } from './i18n.js';
import { countTicks } from './datasets.js';

const WIDTH = 860;

export function yearLines(rows, { x = 'year', y = 'tiv', series = 'series', domain, yLabel = 'TIV', highlight }) {
  return Plot.plot({
    width: WIDTH, height: 320, marginLeft: 60,
    x: { label: null, tickFormat: 'd' },
    y: { label: yLabel, grid: true },
    color: { domain, range: OKABE_ITO },
    marks: [
      highlight ? Plot.rectX([highlight], { x1: (d) => d[0], x2: (d) => d[1], fill: '#000', fillOpacity: 0.06 }) : null,
      Plot.ruleY([0]),
      Plot.line(rows, { x, y, stroke: series, strokeWidth: 2 }),
      Plot.dot(rows, { x, y, fill: series, r: 2 }),
      Plot.tip(rows, Plot.pointerX({ x, y, title: (d) => `${d[series]} ${d[x]}: ${formatNumber(d[y])}` })),
    ],
  });
}

// Stacked areas of TIV by year and group; groups beyond the palette fold into "other".
// colours: one per domain entry (actors: their own, palette.actorColours).
export function stackedArea(rows, { group, domain, colours = groupColours(domain) }) {
  return Plot.plot({
    width: WIDTH, height: 320, marginLeft: 60,
    x: { label: null, tickFormat: 'd' },
    y: { label: 'TIV', grid: true },
    color: { domain, range: colours },
    marks: [
      Plot.areaY(rows, { x: 'year', y: 'tiv', fill: group, order: domain, curve: 'step-after' }),
      Plot.ruleY([0]),
      Plot.tip(rows, Plot.pointerX(Plot.stackY({ x: 'year', y: 'tiv', z: group, order: domain, title: (d) => `${d[group]} ${d.year}: ${formatNumber(d.tiv)}` }))),
    ],
  });
}

export function legendFor(domain, colours = groupColours(domain)) {
  return domain.map((label, idx) => ({ label, colour: colours[idx % colours.length] }));
}

export function kindColours(kinds) {
  return kinds.map((kind) => KIND_COLOURS[kind] || '#666');
}

// A count per year as vertical bars, every year of the rows on the axis (labelled every
// few years), whole-number ticks; each bar's title is "year: count".
export function yearBars(rows, { x = 'year', y, yLabel, fill = KIND_COLOURS.agreement }) {
  const years = rows.map((d) => d[x]);
  const every = Math.max(1, Math.ceil(years.length / 12));
  const max = Math.max(0, ...rows.map((d) => d[y]));
  return Plot.plot({
    width: WIDTH, height: 260, marginLeft: 50,
    x: { label: null, type: 'band', domain: years, ticks: years.filter((year, idx) => idx % every === 0), tickFormat: 'd', padding: 0.15 },
    y: { label: yLabel, grid: true, ticks: countTicks(max), tickFormat: (d) => formatNumber(d, 0) },
    marks: [
      Plot.barY(rows, { x, y, fill, title: (d) => `${d[x]}: ${formatNumber(d[y], 0)}` }),
      Plot.ruleY([0]),
    ],
  });
}

// Horizontal bars, largest first.
export function barsH(rows, { y, x = 'tiv', label = (d) => d[y], fill = OKABE_ITO[4] }) {
  return Plot.plot({
    width: WIDTH / 2 - 10, height: 30 + rows.length * 20, marginLeft: 140,
    x: { label: 'TIV', grid: true },
    y: { label: null, domain: rows.map(label) },
    marks: [
      Plot.barX(rows, { y: label, x, fill, title: (d) => `${label(d)}: ${formatNumber(d[x])}` }),
      Plot.ruleX([0]),
    ],
  });
}

// Dated items on lanes by kind: dots at their date, a bar to their end date if any.
export function dateLanes(rows, { lanes, colourBy = 'kind', domain }) {
  const dated = rows.filter((row) => row.start instanceof Date && !Number.isNaN(row.start));
  return Plot.plot({
    width: WIDTH, height: 60 + lanes.length * 40, marginLeft: 100,
    x: { label: null, type: 'utc' },
    y: { label: null, domain: lanes },
    color: { domain, range: kindColours(domain) },
    marks: [
      Plot.ruleY(lanes, { stroke: '#ddd' }),
      Plot.link(dated.filter((d) => d.end), { x1: 'start', x2: 'end', y1: 'lane', y2: 'lane', stroke: colourBy, strokeWidth: 6, strokeOpacity: 0.5 }),
      Plot.dot(dated, { x: 'start', y: 'lane', fill: colourBy, r: 5, stroke: '#fff', symbol: colourBy }),
      Plot.tip(dated, Plot.pointer({ x: 'start', y: 'lane', title: (d) => `${d.date} ${d.title}` })),
    ],
  });
}

// Parses our dates with precision ("2022", "2022-05", "2022-05-10") into UTC Dates.
export function toDate(text) {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(text || '');
  if (!match) return null;
  return new Date(Date.UTC(Number(match[1]), Number(match[2] || 1) - 1, Number(match[3] || 1)));
}
