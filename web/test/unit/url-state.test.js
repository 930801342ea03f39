import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHash, buildHash, withParams, parseYears, formatYears, langOf } from '../../src/url-state.js';

test('parseHash reads page, argument and params', () => {
  assert.deepEqual(parseHash('#/country/TUR?years=2000-2020&lang=tr'), {
    page: 'country', args: ['TUR'], params: { years: '2000-2020', lang: 'tr' },
  });
});

test('parseHash falls back to the overview for an unknown page or empty hash', () => {
  assert.equal(parseHash('#/nowhere/x').page, 'overview');
  assert.deepEqual(parseHash('').args, []);
});

test('buildHash round-trips through parseHash, including non-ASCII arguments', () => {
  const state = { page: 'platform', args: ['Bayraktar TB2'], params: { lang: 'kk', q: 'Қазақстан' } };
  assert.deepEqual(parseHash(buildHash(state)), state);
});

test('buildHash sorts keys and drops empty params so a view has one URL', () => {
  assert.equal(buildHash({ page: 'dyad', args: ['TUR', 'AZE'], params: { years: '1990-2020', by: '', lang: 'en' } }),
    '#/dyad/TUR/AZE?lang=en&years=1990-2020');
});

test('withParams sets and removes keys without touching the original', () => {
  const state = { page: 'claims', args: [], params: { status: 'supported', lang: 'ru' } };
  const next = withParams(state, { status: null, years: 2000 });
  assert.deepEqual(next.params, { lang: 'ru', years: '2000' });
  assert.equal(state.params.status, 'supported');
});

test('parseYears accepts ranges and single years and rejects reversed ranges', () => {
  assert.deepEqual(parseYears('1990-2020', [1, 2]), [1990, 2020]);
  assert.deepEqual(parseYears('2020', [1, 2]), [2020, 2020]);
  assert.deepEqual(parseYears('2020-1990', [1, 2]), [1, 2]);
  assert.deepEqual(parseYears('abc', [1, 2]), [1, 2]);
  assert.deepEqual(parseYears('1900-2100', [1, 2], 1950, 2025), [1950, 2025]);
  assert.equal(formatYears([2001, 2001]), '2001');
});

test('langOf defaults to English for unknown languages', () => {
  assert.equal(langOf({ lang: 'kk' }), 'kk');
  assert.equal(langOf({ lang: 'de' }), 'en');
});

test('the analysis pages parse, and a series with a colon round-trips', () => {
  assert.deepEqual(parseHash('#/shift/AZE?step=2&window=3'), { page: 'shift', args: ['AZE'], params: { step: '2', window: '3' } });
  const periods = { page: 'periods', args: [], params: { compare: '1970-1990,1990-2004', series: 'exports:TUR', years: '1970-2023' } };
  assert.deepEqual(parseHash(buildHash(periods)), periods);
  const shock = { page: 'shock', args: [], params: { date: '2022-02-24', with: 'AZE,KAZ', window: '6m' } };
  assert.deepEqual(parseHash(buildHash(shock)), shock);
});
