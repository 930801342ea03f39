import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rovingIndex } from '../../src/keyboard.js';

const NAMES = ['United States', 'Russia', 'Saudi Arabia', 'China', 'Spain', 'Türkiye', 'Şili'];

test('arrow keys move one item and stop at the ends', () => {
  assert.equal(rovingIndex('ArrowDown', 0, NAMES), 1);
  assert.equal(rovingIndex('ArrowRight', 0, NAMES), 1);
  assert.equal(rovingIndex('ArrowUp', 1, NAMES), 0);
  assert.equal(rovingIndex('ArrowUp', 0, NAMES), 0);
  assert.equal(rovingIndex('ArrowDown', 6, NAMES), 6);
});

test('Home, End and page keys jump', () => {
  assert.equal(rovingIndex('Home', 4, NAMES), 0);
  assert.equal(rovingIndex('End', 0, NAMES), 6);
  assert.equal(rovingIndex('PageDown', 0, NAMES), 6);
  assert.equal(rovingIndex('PageUp', 5, NAMES), 0);
});

test('a letter moves to the next item starting with it, wrapping round, in any script', () => {
  assert.equal(rovingIndex('s', 0, NAMES), 2);
  assert.equal(rovingIndex('S', 2, NAMES), 4);
  assert.equal(rovingIndex('s', 4, NAMES), 2, 'wraps round');
  assert.equal(rovingIndex('ş', 0, NAMES), 6);
  assert.equal(rovingIndex('t', 0, NAMES), 5);
  assert.equal(rovingIndex('x', 0, NAMES), null);
});

test('other keys and empty lists are not movements', () => {
  assert.equal(rovingIndex('Enter', 0, NAMES), null);
  assert.equal(rovingIndex('Tab', 0, NAMES), null);
  assert.equal(rovingIndex(' ', 0, NAMES), null);
  assert.equal(rovingIndex('ArrowDown', 0, []), null);
});
