// Country page: imports and exports over time, suppliers' shares (stacked), supplier and
// recipient tables linking to dyads, the curated profile (agreements, embargoes,
// indicators, platforms), its defense cooperation agreements (DCAD: by year and listed)
// and the sanctions on it and by it (GSDB), with links to its development periods,
// supplier shift and shock test. URL: #/country/ISO3?years=A-B
import { h } from '../dom.js';
import { t, formatNumber, formatShare } from '../i18n.js';
import { api, ensureNames } from '../api.js';
import { parseYears, formatYears } from '../url-state.js';
import { mergeMeta } from '../citation.js';
import { figure, slot, importNote } from '../figure.js';
import { yearRange, textForm, controlBar } from '../controls.js';
import { yearLines, stackedArea, legendFor, yearBars } from '../charts.js';
import { actorColours } from '../palette.js';
import { displayName } from '../names.js';
import { actorArgs } from '../unknown-actor.js';
import { DCAD_YEARS, clipYears, importCommand, yearCounts, dcaPartner, caseParties, caseYears, codeLabels } from '../datasets.js';
import { analysisLinks } from './periods.js';

// Suppliers drawn separately in the stacked chart; the rest is summed as "other".
const STACK_GROUPS = 7;
const PROFILE_SECTIONS = ['agreements', 'embargoes on it', 'embargoes by it', 'ventures', 'indicators', 'platforms', 'events', 'memberships'];

export async function render(main, ctx) {
  const { state, bounds, link } = ctx;
  const [id] = await actorArgs(main, ctx, ['TUR']) || [];
  if (!id) return;
  await ensureNames([id]);
  const years = parseYears(state.params.years, [bounds[0], bounds[1]], bounds[0], bounds[1]);
  const span = formatYears(years);
  const heading = h('h1', {}, displayName(id));
  main.append(heading, controlBar(
    textForm({ label: t('country_pick'), name: 'country', value: id, onSubmit: (v) => v && ctx.go({ ...state, args: [v] }) }),
    yearRange({ min: bounds[0], max: bounds[1], value: years, onChange: (v) => ctx.setParams({ years: formatYears(v) }) })),
  analysisLinks(ctx, id));
  const name = () => displayName(id);

  const suppliers = api('suppliers', { country: id, years: span });
  const exports = api('exports', { country: id, years: span });
  Promise.allSettled([suppliers, exports]).then(() => { heading.textContent = name(); });

  slot(main, async () => {
    const [imp, exp] = await Promise.all([
      api('tiv', { recipient: id, by: 'year', years: span }),
      api('tiv', { supplier: id, by: 'year', years: span }),
    ]);
    const rows = [
      ...imp.rows.map((r) => ({ year: r.year, series: t('imports'), tiv: r.tiv })),
      ...exp.rows.map((r) => ({ year: r.year, series: t('exports'), tiv: r.tiv })),
    ];
    const domain = [t('imports'), t('exports')];
    return figure({ title: t('imports_exports', { name: name() }), meta: mergeMeta(imp.meta, exp.meta), rows, chart: rows.length ? yearLines(rows, { domain }) : null, legend: legendFor(domain), id: 'imports-exports' });
  });

  slot(main, async () => {
    const { meta, rows } = await api('tiv', { recipient: id, by: ['year', 'supplier'], years: span });
    const totals = new Map();
    for (const row of rows) totals.set(row.supplier, (totals.get(row.supplier) || 0) + row.tiv);
    const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([key]) => key);
    const kept = new Set(ranked.slice(0, STACK_GROUPS));
    const other = ranked.length > STACK_GROUPS ? 'other' : null;
    const stacked = rows.map((row) => ({ year: row.year, group: kept.has(row.supplier) ? displayName(row.supplier) : other, supplier: row.supplier, tiv: row.tiv }));
    const shown = [...ranked.slice(0, STACK_GROUPS), ...(other ? [other] : [])];
    const domain = shown.map((key) => (key === other ? other : displayName(key)));
    const colours = actorColours(shown);
    const filled = fillYears(stacked, domain, years);
    return figure({ title: t('supplier_shares', { name: name() }), meta, rows, chart: rows.length ? stackedArea(filled, { group: 'group', domain, colours }) : null, legend: legendFor(domain, colours), id: 'supplier-shares' });
  });

  const tables = h('div', { class: 'two-up' });
  main.append(tables);
  slot(tables, async () => {
    const { meta, rows } = await suppliers;
    return figure({
      title: t('suppliers_of', { name: name(), years: span }), meta, rows, id: 'suppliers',
      extra: [h('p', { class: 'summary' }, t('total_hhi', { total: formatNumber(meta.total, 0), hhi: formatNumber(meta.hhi, 3) }))],
      columns: [
        { label: t('supplier'), text: (r) => r.name || r.supplier, href: (r) => link('country', [r.supplier], { years: span }) },
        { label: t('tiv'), text: (r) => formatNumber(r.tiv), numeric: true },
        { label: t('share'), text: (r) => formatShare(r.share), numeric: true },
        { label: t('nav_dyad'), text: (r) => t('dyad_link', { a: r.supplier, b: id }), href: (r) => link('dyad', [r.supplier, id], { years: span }) },
      ],
    });
  });
  slot(tables, async () => {
    const { meta, rows } = await exports;
    return figure({
      title: t('recipients_of', { name: name(), years: span }), meta, rows, id: 'recipients',
      extra: [h('p', { class: 'summary' }, meta.rank ? t('rank', { rank: meta.rank, of: meta.exporters ?? '?' }) : '')],
      columns: [
        { label: t('recipient'), text: (r) => r.name || r.recipient, href: (r) => link('country', [r.recipient], { years: span }) },
        { label: t('tiv'), text: (r) => formatNumber(r.tiv), numeric: true },
        { label: t('share'), text: (r) => formatShare(r.share), numeric: true },
        { label: t('nav_dyad'), text: (r) => t('dyad_link', { a: id, b: r.recipient }), href: (r) => link('dyad', [id, r.recipient], { years: span }) },
      ],
    });
  });

  slot(main, async () => {
    const { meta, rows } = await api('show', { name: id });
    const rank = (row) => PROFILE_SECTIONS.indexOf(row.section);
    const profile = rows.filter((row) => rank(row) >= 0).sort((x, y) => rank(x) - rank(y));
    return figure({
      title: t('profile', { name: name() }), meta, rows: profile, id: 'profile',
      columns: [
        { label: t('section'), text: (r) => r.section },
        { label: t('item'), text: (r) => r.item, href: (r) => (r.section === 'platforms' ? link('platform', [r.item]) : null) },
        { label: t('detail'), text: (r) => r.detail },
        { label: t('date'), text: (r) => r.date },
        { label: t('sources'), text: (r) => (r.sources || []).join('; ') },
      ],
    });
  });

  // DCAD agreements are those signed in 1980-2010: the page's years within that span
  // (all of the page's years when they miss it: nothing to show, said so).
  const dcaSpan = formatYears(clipYears(years, DCAD_YEARS) || years);
  slot(main, () => orImportNote({ title: t('dca_heading'), id: 'dca', dataset: 'DCAD (Kinne 2020)' }, async () => {
    const [counts, list] = await Promise.all([
      api('dca', { actor: id, years: dcaSpan, by: 'year' }),
      api('dca', { actor: id, years: dcaSpan }),
    ]);
    const bars = yearCounts(counts.rows);
    const any = bars.some((d) => d.agreements > 0);
    return [
      figure({
        title: t('dca_by_year', { name: name(), years: dcaSpan }), meta: counts.meta, rows: any ? counts.rows : [], id: 'dca-years',
        extra: [h('p', { class: 'hint' }, t('dca_hint'))],
        chart: any ? yearBars(bars, { y: 'agreements', yLabel: t('agreements') }) : null,
      }),
      figure({
        title: t('dca_list', { name: name(), years: dcaSpan }), meta: list.meta, rows: list.rows, id: 'dca-agreements',
        columns: [
          { label: t('date'), text: (r) => r.signed },
          { label: t('partner'), text: (r) => partnerName(dcaPartner(r, id)), href: (r) => link('dyad', [id, dcaPartner(r, id).id], { years: span }) },
          { label: t('categories'), text: (r) => codeLabels(r.categories, 'dcad_category_', t).join(', ') },
        ],
      }),
    ];
  }));

  // GSDB cases in force in some of the page's years, with the country among the targets
  // and among the senders; the other side's parties link to their country pages.
  const caseColumns = (side, label) => [
    { label: t('case'), text: (r) => String(r.case), numeric: true },
    { label: t('years'), text: (r) => caseSpan(caseYears(r)) },
    {
      label, text: (r) => caseParties(r, side, id).map(partnerName).join(', '),
      links: (r) => caseParties(r, side, id).map((party) => ({
        text: partnerName(party), href: /^[A-Z]{3}$/.test(party.id) ? link('country', [party.id], { years: span }) : null,
      })),
    },
    { label: t('measures'), text: (r) => codeLabels(r.measures, 'gsdb_measure_', t).join(', ') },
    { label: t('objectives'), text: (r) => codeLabels(r.objectives, 'gsdb_objective_', t).join(', ') },
    { label: t('outcomes'), text: (r) => codeLabels(r.outcomes, 'gsdb_outcome_', t).join(', ') },
  ];
  slot(main, () => orImportNote({ title: t('sanctions_heading'), id: 'sanctions', dataset: 'GSDB V3' }, async () => {
    const [on, by] = await Promise.all([
      api('sanctions', { target: id, years: span }),
      api('sanctions', { imposer: id, years: span }),
    ]);
    return [
      figure({ title: t('sanctions_on', { name: name(), years: span }), meta: on.meta, rows: on.rows, id: 'sanctions-on', columns: caseColumns('senders', t('imposed_by')) }),
      figure({ title: t('sanctions_by', { name: name(), years: span }), meta: by.meta, rows: by.rows, id: 'sanctions-by', columns: caseColumns('targets', t('targets')) }),
    ];
  }));
}

// The figures of a dataset the store may not hold: the endpoint's 404 (not imported)
// becomes a note naming the command that imports it; other errors reach slot().
async function orImportNote(note, load) {
  try {
    return await load();
  } catch (error) {
    const command = importCommand(error);
    if (!command) throw error;
    return importNote({ ...note, command: command.replace(/ FILE$/, ` ${t('file_arg')}`) });
  }
}

// The API's display name of a party, else ours.
function partnerName(party) {
  return party.name || displayName(party.id);
}

// "1974-1978", "2018", "since 2019" (ongoing).
function caseSpan({ from, to }) {
  return to === null ? t('since_year', { year: from }) : formatYears([from, to]);
}

// Stacked areas need a value for every (year, group): missing ones are 0.
function fillYears(rows, domain, [from, to]) {
  const sums = new Map();
  for (const row of rows) {
    const key = `${row.year}\u0000${row.group}`;
    sums.set(key, (sums.get(key) || 0) + row.tiv);
  }
  const present = rows.map((r) => r.year);
  const first = Math.max(from, Math.min(...present));
  const last = Math.min(to, Math.max(...present));
  const filled = [];
  for (let year = first; year <= last; year += 1) {
    for (const group of domain) filled.push({ year, group, tiv: sums.get(`${year}\u0000${group}`) || 0 });
  }
  return filled;
}
