import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseSeries, yearSpan, splitList, fillYears, indicatorValues, periodSegments, changeYears, comparedPeriods,
  parseWindow, histogram, splitTitle, windowFacts,
  windowEnd, rankSuppliers, shareSeries, dominantMarks, risersAndFallers,
} from '../../src/analysis.js';

// Rows of `defcoop periods exports:TUR` (first three periods).
const PERIODS = [
  { period: 1, start: 1995, end: 1998, mean: 2.2125, change_vs_previous: null, difference_vs_previous: 0 },
  { period: 2, start: 1999, end: 2001, mean: 23.0067, change_vs_previous: 10.398, difference_vs_previous: 20.794 },
  { period: 3, start: 2002, end: 2005, mean: 30.8325, change_vs_previous: 1.340, difference_vs_previous: 7.826 },
];

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

test('parseWindow reads months, years and days', () => {
  assert.deepEqual(parseWindow('12m'), { length: 12, unit: 'months' });
  assert.deepEqual(parseWindow('2y'), { length: 24, unit: 'months' });
  assert.deepEqual(parseWindow('365d'), { length: 365, unit: 'days' });
  assert.equal(parseWindow('0m'), null);
  assert.equal(parseWindow('12w'), null);
});

// meta.placebo_distribution of `defcoop shock --date 2022-02-24` (121 placebo dates).
const DISTRIBUTION = [
  { statistic: -1.00274, dates: 1 }, { statistic: 0, dates: 110 }, { statistic: 2, dates: 2 },
  { statistic: 5, dates: 5 }, { statistic: 6, dates: 3 },
];

test('histogram counts placebo dates in bins of width 1 centred on whole numbers', () => {
  assert.deepEqual(histogram(DISTRIBUTION).map((b) => [b.value, b.count, b.x1, b.x2]), [
    [-1, 1, -1.4, -0.6], [0, 110, -0.4, 0.4], [2, 2, 1.6, 2.4], [5, 5, 4.6, 5.4], [6, 3, 5.6, 6.4],
  ]);
  // Statistics near one whole number share its bin, their dates summed.
  assert.deepEqual(histogram([{ statistic: 0.003, dates: 4 }, { statistic: 0, dates: 2 }, { statistic: -0.99, dates: 1 }, { statistic: 5.99, dates: 3 }])
    .map((b) => [b.value, b.count]), [[-1, 1], [0, 6], [6, 3]]);
  assert.deepEqual(histogram([]), []);
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
