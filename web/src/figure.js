// A figure: title, a chart or table, CSV/SVG/PNG download buttons and the citation
// (meta.credit, vintage, sources) under it. Every chart and table of every page goes
// through figure() so that no output leaves without its source.
import { h, uid } from './dom.js';
import { t } from './i18n.js';
import { citationLines, columnsOf, withRowSources } from './citation.js';
import { composeSvg, serialiseSvg, tableSvg, downloadCsv, downloadSvg, downloadPng } from './download.js';

// options:
//   title    text of the heading (also the file name and the citation's first line)
//   meta     the API meta (or mergeMeta of several)
//   rows     the data rows (downloaded as CSV, all keys)
//   chart    an SVG element (Observable Plot or our own), or
//   columns  [{label, text(row), href(row)?, links(row)?}] to draw a table; links gives
//            several [{text, href}] in one cell (href null: plain text), text() is then
//            the cell's text in the SVG/PNG
//   legend   [{label, colour}] drawn under the chart and into SVG/PNG
//   svg      () => {chartSvg, width, height} for charts that are not SVG (network)
//   extra    elements placed between the heading and the chart (summaries, hints)
export function figure({ title, meta: given = {}, rows = [], chart, columns, legend = [], svg, extra = [], id, sourceRows }) {
  const meta = withRowSources(given, sourceRows || rows);
  const heading_id = uid('fig');
  const body = h('div', { class: 'figure-body' });
  if (!rows.length && !chart && !svg) body.append(h('p', { class: 'empty' }, t('no_data')));
  else if (chart) body.append(chart);
  else if (columns) body.append(htmlTable(columns, rows, title));
  if (legend.length) body.append(htmlLegend(legend));
  const citation = () => citationLines(meta, { title, url: location.href });
  const exportSvg = () => {
    const drawn = svg ? svg() : chart ? serialiseSvg(chart.tagName === 'svg' ? chart : chart.querySelector('svg')) : tableSvg(columns, rows);
    return composeSvg({ title, citation: citation().slice(1), legend, ...drawn });
  };
  const button = (fmt, action) => h('button', {
    type: 'button', class: `download download-${fmt.toLowerCase()}`, 'data-format': fmt.toLowerCase(),
    'aria-label': t('download_as', { what: title, fmt }), onclick: action,
  }, fmt);
  const downloads = h('div', { class: 'downloads', role: 'group', 'aria-label': t('download') },
    h('span', { class: 'downloads-label', 'aria-hidden': 'true' }, `${t('download')}:`),
    button('CSV', () => downloadCsv(title, rows, citation(), columnsOf(rows))),
    button('SVG', () => downloadSvg(title, exportSvg())),
    button('PNG', () => downloadPng(title, exportSvg()).catch((error) => alert(error.message))));
  return h('section', { class: 'figure', 'aria-labelledby': heading_id, id },
    h('h2', { id: heading_id }, title), extra, body, downloads, citationBlock(meta));
}

export function citationBlock(meta = {}) {
  const sources = Array.isArray(meta.sources) ? meta.sources : meta.sources ? [meta.sources] : [];
  return h('div', { class: 'citation' },
    meta.credit ? h('p', {}, h('span', { class: 'cite-key' }, `${t('credit')}: `), meta.credit) : null,
    meta.vintage ? h('p', {}, h('span', { class: 'cite-key' }, `${t('vintage')}: `), meta.vintage) : null,
    sources.length ? h('p', {}, h('span', { class: 'cite-key' }, `${t('sources')}: `), sources.join('; ')) : null,
    meta.approximate && meta.note ? h('p', { class: 'note' }, `${t('approximate_note')}: ${meta.note}`) : null);
}

// In place of the figures of a dataset the store has not imported: their title and a
// note naming the dataset and the command that imports it (a note, not an error).
export function importNote({ title, id, dataset, command }) {
  const heading_id = uid('fig');
  return h('section', { class: 'figure-note', 'aria-labelledby': heading_id, id },
    h('h2', { id: heading_id }, title),
    h('p', { class: 'note not-imported' }, t('not_imported', { dataset }), ' ', h('code', {}, command)));
}

function htmlTable(columns, rows, caption) {
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', {},
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.label)))),
      h('tbody', {}, rows.map((row) => h('tr', {}, columns.map((c) => {
        if (c.links) {
          return h('td', {}, c.links(row).map((item, idx) => [idx ? ', ' : '', item.href ? h('a', { href: item.href }, item.text) : item.text]));
        }
        const text = c.text(row);
        const href = c.href?.(row);
        return h('td', { class: c.numeric ? 'num' : null }, href ? h('a', { href }, text) : text);
      }))))));
}

function htmlLegend(legend) {
  return h('ul', { class: 'legend' }, legend.map((item) =>
    h('li', {}, h('span', { class: 'swatch', style: `background:${item.colour}`, 'aria-hidden': 'true' }), item.label)));
}

// Puts a loading note into a new slot of `container`, then the figure (or an error).
export async function slot(container, load) {
  const place = h('div', { class: 'slot', 'aria-busy': 'true' }, h('p', { class: 'loading' }, t('loading')));
  container.append(place);
  try {
    const content = await load();
    place.replaceChildren(...[content].flat().filter(Boolean));
  } catch (error) {
    place.replaceChildren(h('p', { class: 'error', role: 'alert' }, t('error', { message: error.message })));
  }
  place.removeAttribute('aria-busy');
  return place;
}
