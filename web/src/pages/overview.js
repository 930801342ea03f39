// Overview: the map of a chosen metric over a year range, world TIV by year, and the top
// suppliers and recipients of that range. URL: #/overview?years=A-B&metric=imports|exports
import { h } from '../dom.js';
import { t, formatNumber } from '../i18n.js';
import { api } from '../api.js';
import { parseYears, formatYears } from '../url-state.js';
import { figure, slot } from '../figure.js';
import { yearRange, select, controlBar } from '../controls.js';
import { yearLines, barsH } from '../charts.js';
import { worldMap } from '../map.js';
import { displayName } from '../names.js';

const DEFAULT_SPAN = 10;
const TOP_N = 15;

export function render(main, ctx) {
  const { state, bounds, link } = ctx;
  const years = parseYears(state.params.years, [bounds[1] - DEFAULT_SPAN + 1, bounds[1]], bounds[0], bounds[1]);
  const metric = state.params.metric === 'exports' ? 'exports' : 'imports';
  const span = formatYears(years);
  main.append(h('h1', {}, t('nav_overview')),
    controlBar(
      yearRange({ min: bounds[0], max: bounds[1], value: years, onChange: (v) => ctx.setParams({ years: formatYears(v) }) }),
      select({
        label: t('metric'), name: 'metric', value: metric,
        options: [{ value: 'imports', label: t('metric_imports') }, { value: 'exports', label: t('metric_exports') }],
        onChange: (v) => ctx.setParams({ metric: v === 'imports' ? null : v }),
      })));
  const countryHref = (id) => link('country', [id], { years: span });
  slot(main, async () => {
    const by = metric === 'imports' ? 'recipient' : 'supplier';
    const { meta, rows } = await api('tiv', { by, years: span });
    const values = new Map(rows.map((row) => [row[by], row.tiv]));
    const title = t('map_title', { metric: t(`metric_${metric}`), years: span });
    return figure({
      title, meta, rows, id: 'map',
      chart: worldMap({ values, nameOf: displayName, hrefOf: countryHref, label: title }),
      extra: [h('p', { class: 'hint' }, t('map_hint'))],
    });
  });
  slot(main, async () => {
    const { meta, rows } = await api('tiv', { by: 'year' });
    const series = rows.map((row) => ({ ...row, series: 'TIV' }));
    return figure({ title: t('world_tiv'), meta, rows, chart: yearLines(series, { domain: ['TIV'], highlight: years }) });
  });
  const tops = h('div', { class: 'two-up' });
  main.append(tops);
  for (const by of ['supplier', 'recipient']) {
    slot(tops, async () => {
      const { meta, rows } = await api('tiv', { by, years: span });
      const top = [...rows].sort((a, b) => b.tiv - a.tiv).slice(0, TOP_N);
      const title = t(by === 'supplier' ? 'top_suppliers' : 'top_recipients', { years: span });
      return figure({
        title, meta, rows: top,
        chart: barsH(top, { y: by, label: (d) => displayName(d[by]) }),
        columns: undefined,
        extra: [h('ol', { class: 'top-links' }, top.slice(0, 5).map((row) =>
          h('li', {}, h('a', { href: countryHref(row[by]) }, displayName(row[by])), ` ${formatNumber(row.tiv, 0)}`)))],
      });
    });
  }
}
