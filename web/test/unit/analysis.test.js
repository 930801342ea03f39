import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseSeries, yearSpan, splitList, fillYears, indicatorValues, periodSegments, changeYears, comparedPeriods,
  dayRange, dayText, parseWindow, placeboDistribution, histogram, splitTitle, windowFacts,
  windowEnd, rankSuppliers, shareSeries, dominantMarks, risersAndFallers,
} from '../../src/analysis.js';

// Rows of `defcoop periods exports:TUR` (first three periods).
const PERIODS = [
  { period: 1, start: 1995, end: 1998, mean: 2.2125, change_vs_previous: null, difference_vs_previous: 0 },
  { period: 2, start: 1999, end: 2001, mean: 23.0067, change_vs_previous: 10.398, difference_vs_previous: 20.794 },
  { period: 3, start: 2002, end: 2005, mean: 30.8325, change_vs_previous: 1.340, difference_vs_previous: 7.826 },
];

// Dates of `defcoop timeline --actor TUR --with AZE --with KAZ --with KGZ --with TKM
// --with UZB --type agreement`: the facts `defcoop shock --date 2022-02-24` counts.
const AGREEMENTS = ['2011', '2022-03', '2022-03-30', '2022-05', '2022-05', '2022-05-10', '2022-10-26'];
const SPAN = '2011-01-01..2022-12-31';

test('parseSeries reads exports, imports and indicator series', () => {
  assert.deepEqual(parseSeries('exports:TUR'), { kind: 'exports', actor: 'TUR' });
  assert.deepEqual(parseSeries('imports:Azerbaijan'), { kind: 'imports', actor: 'Azerbaijan' });
  assert.deepEqual(parseSeries('indicator:defense_industry_firms:TUR'), { kind: 'indicator', metric: 'defense_industry_firms', actor: 'TUR' });
  assert.equal(parseSeries('tiv:TUR'), null);
  assert.equal(parseSeries(''), null);
});

test('yearSpan and splitList read ranges and lists', () => {
  assert.deepEqual(yearSpan('1970-1990'), [1970, 1990]);
  assert.deepEqual(yearSpan('2020'), [2020, 2020]);
  assert.equal(yearSpan('x'), null);
  assert.deepEqual(splitList(' AZE, KAZ;UZB  TKM '), ['AZE', 'KAZ', 'UZB', 'TKM']);
  assert.deepEqual(splitList(''), []);
});

test('fillYears gives every year of the range, 0 without deliveries', () => {
  assert.deepEqual(fillYears([{ year: 1996, tiv: 2.5 }, { year: 1998, tiv: 3.4 }], [1995, 1998]), [
    { year: 1995, value: 0 }, { year: 1996, value: 2.5 }, { year: 1997, value: 0 }, { year: 1998, value: 3.4 },
  ]);
});

test('indicatorValues takes the yearly values of one metric from /show rows', () => {
  const rows = [
    { section: 'indicators', item: 'defense_industry_firms', detail: '2700 count (estimate)', date: '2022' },
    { section: 'indicators', item: 'defense_industry_firms', detail: '56 count (estimate)', date: '2005' },
    { section: 'indicators', item: 'defense_rnd_growth_5y', detail: '65 percent', date: '2018-2022' },
    { section: 'agreements', item: 'defense_industry_firms', detail: '1', date: '2001' },
  ];
  assert.deepEqual(indicatorValues(rows, 'defense_industry_firms'), [{ year: 2005, value: 56 }, { year: 2022, value: 2700 }]);
  assert.deepEqual(indicatorValues(rows, 'defense_rnd_growth_5y'), []);
});

test('periodSegments turns periods into touching bands with alternating shading', () => {
  const segments = periodSegments(PERIODS);
  assert.deepEqual(segments.map((s) => [s.x1, s.x2, s.band]), [[1994.5, 1998.5, 0], [1998.5, 2001.5, 1], [2001.5, 2005.5, 0]]);
  assert.equal(segments[1].mean, 23.0067);
  assert.deepEqual(changeYears(PERIODS), [1999, 2002]);
  assert.deepEqual(periodSegments([]), []);
});

test('comparedPeriods reads a source\'s periods and skips unreadable ones', () => {
  const compared = comparedPeriods(['1970-1990', '1990-2004', 'later']);
  assert.deepEqual(compared.map((p) => [p.label, p.from, p.to, p.x1, p.x2]), [
    ['1970-1990', 1970, 1990, 1969.5, 1990.5], ['1990-2004', 1990, 2004, 1989.5, 2004.5],
  ]);
  assert.deepEqual(comparedPeriods(undefined), []);
});

test('dayRange covers every day a date of year, month or day precision may stand for', () => {
  assert.deepEqual([dayRange('2022-05')].map((r) => [dayText(r.first), dayText(r.last)]), [['2022-05-01', '2022-05-31']]);
  assert.deepEqual([dayRange('2024-02')].map((r) => dayText(r.last)), ['2024-02-29']);
  assert.deepEqual([dayRange('2011')].map((r) => [dayText(r.first), dayText(r.last)]), [['2011-01-01', '2011-12-31']]);
  assert.equal(dayRange('2022-02-24').first, dayRange('2022-02-24').last);
  assert.equal(dayRange('soon'), null);
});

test('parseWindow reads months, years and days', () => {
  assert.deepEqual(parseWindow('12m'), { length: 12, unit: 'months' });
  assert.deepEqual(parseWindow('2y'), { length: 24, unit: 'months' });
  assert.deepEqual(parseWindow('365d'), { length: 365, unit: 'days' });
  assert.equal(parseWindow('0m'), null);
  assert.equal(parseWindow('12w'), null);
});

// The server's answers for these cases (`defcoop shock --date D --window W --placebo S`):
// statistic, placebo_dates, placebo_rank and placebo_p.
const SERVER = [
  ['2022-02-24', '12m', 'month', 6, 121, 1, 0.024793388429752067],
  ['2022-02-24', '6m', 'month', 5, 133, 1, 0.03007518796992481],
  ['2022-02-24', '365d', 'day', 6, 3654, 1, 0.01833607006020799],
  ['2016-07-15', '12m', 'month', 0, 121, 11, 0.9917355371900827],
  ['2020-09-27', '3m', 'day', 0, 4201, 175, 0.9781004522732683],
];

test('placeboDistribution repeats the server\'s placebo test exactly', () => {
  for (const [shock, window, step, statistic, dates, rank, p] of SERVER) {
    const result = placeboDistribution({ dates: AGREEMENTS, shock, window, span: SPAN, step });
    const what = `${shock} ${window} ${step}`;
    assert.equal(result.statistic, statistic, `${what} statistic`);
    assert.equal(result.points.length, dates, `${what} placebo dates`);
    assert.equal(result.rank, rank, `${what} rank`);
    assert.ok(Math.abs(result.p - p) < 1e-12, `${what} p`);
  }
});

test('placeboDistribution counts the windows and leaves out the shock date itself', () => {
  const result = placeboDistribution({ dates: AGREEMENTS, shock: '2022-02-24', window: '12m', span: SPAN });
  assert.deepEqual([result.before, result.after], [0, 6]);
  assert.equal(result.points[0].date, '2012-01-01', 'first date whose before window fits');
  assert.equal(result.points.at(-1).date, '2022-01-01', 'last date whose after window fits');
  assert.ok(!result.points.some((p) => p.date === '2022-02-24'));
  // A "2022-05" fact straddles a window boundary on 2022-05-15: counted in neither.
  const straddled = placeboDistribution({ dates: ['2022-05'], shock: '2022-05-15', window: '30d', span: SPAN });
  assert.deepEqual([straddled.before, straddled.after], [0, 0]);
});

test('placeboDistribution without a span has no placebo dates', () => {
  const result = placeboDistribution({ dates: [], shock: '2022-02-24', window: '12m', span: '' });
  assert.deepEqual([result.points.length, result.rank, result.p], [0, null, null]);
  assert.equal(placeboDistribution({ dates: [], shock: 'x', window: '12m', span: SPAN }), null);
});

test('histogram bins statistics to whole numbers', () => {
  assert.deepEqual(histogram([0, 0.003, -0.99, 5.99, 6]).map((b) => [b.value, b.count, b.x1, b.x2]), [
    [-1, 1, -1.4, -0.6], [0, 2, -0.4, 0.4], [6, 2, 5.6, 6.4],
  ]);
});

test('windowFacts lists the facts of /shock\'s windows with their dates', () => {
  assert.deepEqual(splitTitle('2022-03-30 Türkiye–Uzbekistan Military Framework Agreement'), { date: '2022-03-30', title: 'Türkiye–Uzbekistan Military Framework Agreement' });
  const rows = [
    { window: 'before', count: 0, events: [], titles: [] },
    { window: 'after', count: 2, events: ['agr:a', 'agr:b'], titles: ['2022-03 Roadmap', '2022 Framework of 2022'] },
  ];
  assert.deepEqual(windowFacts(rows), [
    { window: 'after', date: '2022-03', title: 'Roadmap', id: 'agr:a' },
    { window: 'after', date: '2022', title: 'Framework of 2022', id: 'agr:b' },
  ]);
});

// Rows of `defcoop shift AZE` (shortened).
const SHIFT = [
  { years: '1993-1997', shares: { UKR: 1 } },
  { years: '1995-1999', shares: {} },
  { years: '2006-2010', shares: { UKR: 0.56, RUS: 0.27, BLR: 0.11, ISR: 0.06 } },
  { years: '2019-2023', shares: { TUR: 0.51, ISR: 0.38, ESP: 0.11 } },
];

test('shareSeries stacks the top suppliers and sums the rest as other', () => {
  assert.equal(windowEnd('1993-1997'), 1997);
  assert.deepEqual(rankSuppliers(SHIFT), ['UKR', 'TUR', 'ISR', 'RUS', 'BLR', 'ESP']);
  const { groups, points } = shareSeries(SHIFT, 3);
  assert.deepEqual(groups, ['UKR', 'TUR', 'ISR', 'other']);
  assert.equal(points.length, SHIFT.length * groups.length, 'a value for every window and group');
  const at = (year, group) => points.find((p) => p.year === year && p.group === group).share;
  assert.equal(at(1999, 'UKR'), 0, 'a window without deliveries is 0');
  assert.ok(Math.abs(at(2010, 'other') - 0.38) < 1e-12);
  assert.equal(at(2023, 'other'), 0.11);
  assert.deepEqual(shareSeries(SHIFT, 10).groups, ['UKR', 'TUR', 'ISR', 'RUS', 'BLR', 'ESP'], 'no other when all fit');
});

test('dominantMarks and risersAndFallers read the shift meta', () => {
  const meta = {
    dominant_changes: [{ from_window: '2018-2022', to_window: '2019-2023', previous: 'ISR', next: 'TUR' }],
    rising: [{ supplier: 'TUR', first_share: 0, last_share: 0.51, change: 0.51 }],
    falling: [{ supplier: 'UKR', first_share: 1, last_share: 0, change: -1 }],
  };
  assert.deepEqual(dominantMarks(meta.dominant_changes), [{ year: 2023, window: '2019-2023', previous: 'ISR', next: 'TUR' }]);
  assert.deepEqual(risersAndFallers(meta).map((r) => [r.direction, r.supplier]), [['rising', 'TUR'], ['falling', 'UKR']]);
  assert.deepEqual(risersAndFallers({}), []);
});
