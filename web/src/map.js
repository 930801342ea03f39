// World choropleth: world-atlas countries-110m (keyed by ISO 3166 numeric id), joined to
// API rows keyed by alpha-3 through the generated table. Each country is a link to its
// page. Colour: sequential log scale (YlGnBu, readable with colour-vision deficiencies).
import { feature } from 'topojson-client';
import { geoEqualEarth, geoPath } from 'd3-geo';
import * as Plot from '@observablehq/plot';
import world from 'world-atlas/countries-110m.json';
import { ALPHA3_BY_NUMERIC } from './names.js';
import { formatNumber } from './i18n.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const WIDTH = 860;
const HEIGHT = 440;
const LEGEND_HEIGHT = 40;
const countries = feature(world, world.objects.countries).features;

// values: Map alpha-3 -> number. nameOf(alpha3), hrefOf(alpha3) for labels and links.
export function worldMap({ values, nameOf, hrefOf, label }) {
  const projection = geoEqualEarth().fitSize([WIDTH, HEIGHT], { type: 'Sphere' });
  const path = geoPath(projection);
  const positive = [...values.values()].filter((v) => v > 0);
  const domain = positive.length ? [Math.min(...positive), Math.max(...positive)] : [1, 10];
  if (domain[0] === domain[1]) domain[1] = domain[0] * 10;
  const colour = Plot.scale({ color: { type: 'log', domain, scheme: 'ylgnbu' } });
  const svg = el('svg', { width: WIDTH, height: HEIGHT + LEGEND_HEIGHT, viewBox: `0 0 ${WIDTH} ${HEIGHT + LEGEND_HEIGHT}`, role: 'group', 'aria-label': label, class: 'world-map' });
  svg.append(el('path', { d: path({ type: 'Sphere' }), fill: '#f4f8fb', stroke: '#ccc' }));
  for (const country of countries) {
    const alpha3 = ALPHA3_BY_NUMERIC[country.id];
    const value = alpha3 ? values.get(alpha3) : undefined;
    const shape = el('path', {
      d: path(country), stroke: '#fff', 'stroke-width': 0.5,
      fill: value > 0 ? colour.apply(value) : '#e0e0e0', 'data-id': alpha3 || country.id,
    });
    const text = `${alpha3 ? nameOf(alpha3) : country.properties.name}: ${value > 0 ? `${formatNumber(value)} TIV` : '–'}`;
    shape.append(el('title', {}, text));
    if (alpha3) {
      const link = el('a', { href: hrefOf(alpha3), 'aria-label': text });
      link.append(shape);
      svg.append(link);
    } else svg.append(shape);
  }
  svg.append(legend(colour, domain));
  return svg;
}

function legend(colour, [low, high]) {
  const group = el('g', { transform: `translate(20,${HEIGHT + 8})`, 'font-size': 11 });
  const steps = 40;
  const width = 240;
  for (let idx = 0; idx < steps; idx += 1) {
    const value = low * (high / low) ** (idx / (steps - 1));
    group.append(el('rect', { x: (idx * width) / steps, y: 0, width: width / steps + 0.5, height: 10, fill: colour.apply(value) }));
  }
  group.append(el('text', { x: 0, y: 24 }, formatNumber(low)));
  group.append(el('text', { x: width, y: 24, 'text-anchor': 'end' }, `${formatNumber(high)} TIV (log)`));
  group.append(el('rect', { x: width + 30, y: 0, width: 12, height: 10, fill: '#e0e0e0' }));
  group.append(el('text', { x: width + 46, y: 9 }, '0 / –'));
  return group;
}

function el(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}
