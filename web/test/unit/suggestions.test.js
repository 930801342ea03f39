import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSuggestions } from '../../src/suggestions.js';

test('the API error message gives its candidates as names and ids, in order', () => {
  const message = "unknown actor 'Azerbajan'; did you mean: Azerbaijan (AZE), Aselsan (firm:aselsan), Lebanon (LBN), European Union (org:eu, as 'EU'), Korea, Republic of (KOR)?";
  assert.deepEqual(parseSuggestions(message), [
    { name: 'Azerbaijan', id: 'AZE' }, { name: 'Aselsan', id: 'firm:aselsan' }, { name: 'Lebanon', id: 'LBN' },
    { name: 'European Union', id: 'org:eu' }, { name: 'Korea, Republic of', id: 'KOR' },
  ]);
});

test('a message without candidates gives none', () => {
  assert.deepEqual(parseSuggestions("unknown actor 'zzzz'"), []);
  assert.deepEqual(parseSuggestions(undefined), []);
});
