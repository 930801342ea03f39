// The dashboard's actor colours are the brief's: both tests read the same expected pairs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { actorColourFrom, fnv1a } from '../../src/actor-colour.js';

const table = JSON.parse(fs.readFileSync(new URL('../../src/actor-colours.json', import.meta.url), 'utf8'));
const expected = fs.readFileSync(new URL('../../../tests/report/actor_colours_expected.csv', import.meta.url), 'utf8')
  .split('\n').filter((line) => line && !line.startsWith('#')).slice(1).map((line) => line.split(','));

test('every id has the colour the brief gives it', () => {
  assert.ok(expected.length >= 11, 'the expected pairs');
  for (const [id, colour] of expected) assert.equal(actorColourFrom(table, id), colour, id);
});

test('FNV-1a 32-bit of known strings', () => {
  // The offset basis for "", and the reference value for "a".
  assert.equal(fnv1a(''), 0x811c9dc5);
  assert.equal(fnv1a('a'), 0xe40c292c);
});

test('the table: distinct fixed colours, all from the palette, "other" outside it', () => {
  const fixed = Object.values(table.fixed);
  assert.equal(new Set(fixed).size, fixed.length, 'no two fixed actors share a colour');
  for (const colour of fixed) assert.ok(table.palette.includes(colour), colour);
  assert.ok(!table.palette.includes(table.other));
});
