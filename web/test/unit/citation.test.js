import { test } from 'node:test';
import assert from 'node:assert/strict';
import { citationLines, mergeMeta, toCsv, csvField, escapeXml, fileStem } from '../../src/citation.js';

const meta = {
  credit: 'Information from the SIPRI Arms Transfers Database',
  vintage: '2026-05-18',
  sources: ['sipri-atdb', 'bazarbayev2024'],
};

test('citationLines carries the SIPRI credit with its vintage and the sources', () => {
  const lines = citationLines(meta, { title: 'Suppliers of AZE' });
  assert.equal(lines[0], 'Suppliers of AZE');
  assert.equal(lines[1], 'Information from the SIPRI Arms Transfers Database (vintage 2026-05-18)');
  assert.equal(lines[2], 'Sources: sipri-atdb; bazarbayev2024');
  assert.match(lines.at(-1), /^defcoop/);
});

test('citationLines works for a meta with sources but no SIPRI credit', () => {
  const lines = citationLines({ sources: ['akorda2022'] });
  assert.deepEqual(lines.slice(0, 1), ['Sources: akorda2022']);
});

test('mergeMeta unites sources in first-seen order and keeps the first credit', () => {
  const merged = mergeMeta(meta, { sources: ['akorda2022', 'sipri-atdb'], vintage: '2024-04-13' }, null);
  assert.deepEqual(merged.sources, ['sipri-atdb', 'bazarbayev2024', 'akorda2022']);
  assert.equal(merged.vintage, '2026-05-18');
});

test('toCsv starts with the citation as comment lines, then the header', () => {
  const csv = toCsv([{ supplier: 'RUS', tiv: 1997.85 }, { supplier: 'ISR', tiv: 866.95, note: 'a, b' }], citationLines(meta));
  const lines = csv.split('\n');
  assert.equal(lines[0], '# Information from the SIPRI Arms Transfers Database (vintage 2026-05-18)');
  assert.equal(lines[3], 'supplier,tiv,note');
  assert.equal(lines[5], 'ISR,866.95,"a, b"');
});

test('csvField quotes quotes and joins lists with a bar', () => {
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField(['TUR', 'KAZ']), 'TUR|KAZ');
  assert.equal(csvField(null), '');
});

test('escapeXml and fileStem make safe SVG text and file names', () => {
  assert.equal(escapeXml('a<b & "c"'), 'a&lt;b &amp; &quot;c&quot;');
  assert.equal(fileStem('Imports of Türkiye, 1990–2020'), 'imports-of-turkiye-1990-2020');
});

test('withRowSources cites the rows\' source ids when the meta names none', async () => {
  const { withRowSources } = await import('../../src/citation.js');
  const rows = [{ sources: ['bazarbayev2024 [section "Conclusion", para. 1]', 'akorda2022'] }, { sources: ['akorda2022'] }];
  assert.deepEqual(withRowSources({ vintage: 'v' }, rows), { vintage: 'v', sources: ['bazarbayev2024', 'akorda2022'] });
  assert.deepEqual(withRowSources({ sources: ['x'] }, rows).sources, ['x']);
});
