import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

const load = (lang) => JSON.parse(fs.readFileSync(new URL(`../../src/i18n/${lang}.json`, import.meta.url), 'utf8'));

test('every message catalog has exactly the English keys and the same placeholders', () => {
  const en = load('en');
  for (const lang of ['tr', 'kk', 'ru']) {
    const catalog = load(lang);
    assert.deepEqual(Object.keys(catalog).sort(), Object.keys(en).sort(), `${lang} keys`);
    for (const key of Object.keys(en)) {
      const holes = (text) => (text.match(/\{\w+\}/g) || []).sort();
      assert.deepEqual(holes(catalog[key]), holes(en[key]), `${lang}.${key} placeholders`);
    }
  }
});
