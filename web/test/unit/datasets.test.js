import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  DCAD_YEARS, clipYears, importCommand, yearCounts, countTicks, dcaPartner, caseParties, caseYears, codeLabels,
} from '../../src/datasets.js';

// Rows as `defcoop --format json dca --actor TUR` and `sanctions --target TUR` give them.
const AGREEMENT = {
  signed: '1981-03-10', state1: 'Türkiye', state2: 'Bangladesh', type: 'sector', categories: ['TREX'],
  in_force: '1981-03-10', dcad_id: 'DCADv1.0-1736', actor1: 'TUR', actor2: 'BGD', terminated: false, source: 'treaty',
};
const CASE = {
  case: 262, begin: 1981, end: '1986', targets: ['Türkiye'], senders: ['EEC', 'Germany'], measures: ['financial'],
  objectives: ['territorial_conflict', 'human_rights'], outcomes: ['success_part', 'success_part'], trade_detail: '',
  target_ids: ['TUR'], sender_ids: ['', 'DEU'],
};

test('clipYears keeps the years two ranges share', () => {
  assert.deepEqual(DCAD_YEARS, [1980, 2010]);
  assert.deepEqual(clipYears([1950, 2024], DCAD_YEARS), [1980, 2010]);
  assert.deepEqual(clipYears([1995, 2023], DCAD_YEARS), [1995, 2010]);
  assert.deepEqual(clipYears([1970, 1985], DCAD_YEARS), [1980, 1985]);
  assert.deepEqual(clipYears([2010, 2020], DCAD_YEARS), [2010, 2010]);
  assert.equal(clipYears([2011, 2020], DCAD_YEARS), null);
  assert.equal(clipYears([1950, 1979], DCAD_YEARS), null);
});

test('importCommand reads the command of a 404 "not imported" answer only', () => {
  const missing = (message, status = 404) => Object.assign(new Error(message), { status });
  assert.equal(importCommand(missing('no DCAD agreements in the store; import them with `defcoop import dcad FILE`')), 'defcoop import dcad FILE');
  assert.equal(importCommand(missing('no GSDB cases in the store; import them with `defcoop import gsdb FILE`')), 'defcoop import gsdb FILE');
  assert.equal(importCommand(missing('unknown endpoint: dca')), null, 'another 404');
  assert.equal(importCommand(missing('import them with `defcoop import dcad FILE`', 400)), null, 'not a 404');
  assert.equal(importCommand(new Error('Failed to fetch')), null, 'no status');
  assert.equal(importCommand(undefined), null);
});

test('yearCounts and countTicks give numeric years and whole-number ticks', () => {
  assert.deepEqual(yearCounts([{ year: '1980', agreements: 2 }, { year: '1981', agreements: 0 }]),
    [{ year: 1980, agreements: 2 }, { year: 1981, agreements: 0 }]);
  assert.deepEqual(countTicks(0), [0]);
  assert.deepEqual(countTicks(2), [0, 1, 2]);
  assert.deepEqual(countTicks(12), [0, 2, 4, 6, 8, 10, 12]);
  assert.deepEqual(countTicks(13), [0, 3, 6, 9, 12]);
  assert.ok(countTicks(1000).every(Number.isInteger));
});

test('dcaPartner is the other state of the agreement, whichever side the country is on', () => {
  assert.deepEqual(dcaPartner(AGREEMENT, 'TUR'), { id: 'BGD', name: 'Bangladesh' });
  assert.deepEqual(dcaPartner(AGREEMENT, 'BGD'), { id: 'TUR', name: 'Türkiye' });
});

test('caseParties pairs names with ids, leaves the country out and keeps unresolved parties', () => {
  assert.deepEqual(caseParties(CASE, 'senders', 'TUR'), [{ id: '', name: 'EEC' }, { id: 'DEU', name: 'Germany' }]);
  assert.deepEqual(caseParties(CASE, 'senders', 'DEU'), [{ id: '', name: 'EEC' }]);
  assert.deepEqual(caseParties(CASE, 'targets', 'TUR'), []);
  assert.deepEqual(caseParties(CASE, 'targets'), [{ id: 'TUR', name: 'Türkiye' }]);
  assert.deepEqual(caseParties({ case: 1 }, 'targets', 'TUR'), []);
});

test('caseYears reads the begin and end years, an ongoing case has no end', () => {
  assert.deepEqual(caseYears(CASE), { from: 1981, to: 1986 });
  assert.deepEqual(caseYears({ begin: 2019, end: 'ongoing' }), { from: 2019, to: null });
});

test('codeLabels translates codes once each, unknown codes stay codes', () => {
  const catalog = { gsdb_outcome_success_part: 'partial success', gsdb_objective_human_rights: 'human rights' };
  const t = (key) => catalog[key] ?? key;
  assert.deepEqual(codeLabels(CASE.outcomes, 'gsdb_outcome_', t), ['partial success']);
  assert.deepEqual(codeLabels(CASE.objectives, 'gsdb_objective_', t), ['territorial_conflict', 'human rights']);
  assert.deepEqual(codeLabels(['', null], 'x_', t), []);
  assert.deepEqual(codeLabels(undefined, 'x_', t), []);
});

// The codes the DCAD and GSDB imports store (defcoop dca --help; GSDB V3's codebook).
const CODES = {
  dcad_category_: ['DCA', 'DIC', 'TREX', 'PROCUREMENT', 'COMMISSION', 'RESEARCH'],
  gsdb_measure_: ['trade', 'arms', 'military', 'financial', 'travel', 'other'],
  gsdb_objective_: ['policy_change', 'democracy', 'destab_regime', 'end_war', 'human_rights', 'other', 'prevent_war', 'territorial_conflict', 'terrorism'],
  gsdb_outcome_: ['failed', 'nego_settlement', 'ongoing', 'success_part', 'success_total'],
};

test('every DCAD and GSDB code has a label in every catalog, translated out of English', () => {
  const load = (lang) => JSON.parse(fs.readFileSync(new URL(`../../src/i18n/${lang}.json`, import.meta.url), 'utf8'));
  const en = load('en');
  for (const lang of ['en', 'tr', 'kk', 'ru']) {
    const catalog = load(lang);
    for (const [prefix, codes] of Object.entries(CODES)) {
      const labels = codeLabels(codes, prefix, (key) => catalog[key] ?? key);
      assert.equal(labels.length, codes.length, `${lang} ${prefix}`);
      labels.forEach((label, idx) => {
        assert.ok(catalog[`${prefix}${codes[idx]}`], `${lang}: no label for ${prefix}${codes[idx]}`);
        if (lang !== 'en') assert.notEqual(label, en[`${prefix}${codes[idx]}`], `${lang}.${prefix}${codes[idx]} is the English text`);
        if (lang === 'kk' || lang === 'ru') assert.doesNotMatch(label, /[A-Za-z]/, `${lang}.${prefix}${codes[idx]} has Latin letters: ${label}`);
      });
    }
    for (const key of ['partner', 'categories', 'case', 'imposed_by', 'targets', 'measures', 'objectives', 'outcomes', 'agreements', 'since_year', 'file_arg']) {
      if (lang !== 'en') assert.notEqual(catalog[key], en[key], `${lang}.${key} is the English text`);
    }
  }
});
