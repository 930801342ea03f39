import { test } from 'node:test';
import assert from 'node:assert/strict';
import { transferLinks, defaultMinTiv, networkView, partnersOf } from '../../src/network-view.js';

const nodes = [
  { id: 'USA', strength: 9 }, { id: 'RUS', strength: 7 }, { id: 'TUR', strength: 5 },
  { id: 'AZE', strength: 3 }, { id: 'KAZ', strength: 2 }, { id: 'ISR', strength: 1 }, { id: 'KGZ', strength: 0.5 },
];
const dyads = [
  { supplier: 'USA', recipient: 'ISR', tiv: 5000 }, { supplier: 'RUS', recipient: 'KAZ', tiv: 800 },
  { supplier: 'TUR', recipient: 'AZE', tiv: 300 }, { supplier: 'ISR', recipient: 'AZE', tiv: 900 },
  { supplier: 'TUR', recipient: 'KGZ', tiv: 20 }, { supplier: 'TUR', recipient: 'TUR', tiv: 99 },
  { supplier: 'XXX', recipient: 'TUR', tiv: 9999 },
];

test('links join distinct drawn nodes, heaviest first', () => {
  const links = transferLinks(dyads, nodes.map((n) => n.id));
  assert.deepEqual(links.map((l) => l.tiv), [5000, 900, 800, 300, 20]);
});

test('the default threshold is the smallest choice that keeps the drawing to the limit', () => {
  const links = transferLinks(dyads, nodes.map((n) => n.id));
  assert.equal(defaultMinTiv(links, { choices: [10, 100, 1000], limit: 5 }), 10);
  assert.equal(defaultMinTiv(links, { choices: [10, 100, 1000], limit: 4 }), 100);
  assert.equal(defaultMinTiv(links, { choices: [10, 100, 1000], limit: 1 }), 1000);
  assert.equal(defaultMinTiv(links, { choices: [10, 100], limit: 0 }), 100, 'the largest choice when none is enough');
});

test('the view keeps links of at least the minimum, labels the largest nodes, the focus and its partners', () => {
  const links = transferLinks(dyads, nodes.map((n) => n.id));
  const view = networkView(nodes, links, { minTiv: 100, focus: 'TUR', labelCount: 2 });
  assert.deepEqual(view.edges.map((e) => e.tiv), [5000, 900, 800, 300]);
  assert.deepEqual(view.nodes.map((n) => n.id), ['USA', 'RUS', 'TUR', 'AZE', 'KAZ', 'ISR'], 'KGZ only has a 20 TIV link');
  assert.deepEqual([...view.partners], ['AZE']);
  assert.deepEqual([...view.labelled].sort(), ['AZE', 'RUS', 'TUR', 'USA']);
});

test('a focus without a link above the minimum is still drawn and labelled; no focus labels only the largest', () => {
  const links = transferLinks(dyads, nodes.map((n) => n.id));
  const view = networkView(nodes, links, { minTiv: 1000, focus: 'KGZ', labelCount: 1 });
  assert.deepEqual(view.nodes.map((n) => n.id), ['USA', 'ISR', 'KGZ']);
  assert.deepEqual([...view.labelled].sort(), ['KGZ', 'USA']);
  assert.deepEqual([...networkView(nodes, links, { minTiv: 10, labelCount: 3 }).labelled], ['USA', 'RUS', 'TUR']);
  assert.deepEqual([...partnersOf('ISR', links)].sort(), ['AZE', 'USA']);
});
