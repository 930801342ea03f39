// Keyboard movement in a list with one tab stop ("roving tabindex"): which item a key
// moves to. Pure, unit-tested in node.

const PAGE = 10;

// key: a KeyboardEvent.key; index: the focused item; labels: the items' texts (for
// type-ahead: a letter moves to the next item starting with it, wrapping round).
// Returns the new index, or null when the key is not a movement key.
export function rovingIndex(key, index, labels) {
  const last = labels.length - 1;
  if (last < 0) return null;
  switch (key) {
    case 'ArrowDown': case 'ArrowRight': return Math.min(last, index + 1);
    case 'ArrowUp': case 'ArrowLeft': return Math.max(0, index - 1);
    case 'Home': return 0;
    case 'End': return last;
    case 'PageDown': return Math.min(last, index + PAGE);
    case 'PageUp': return Math.max(0, index - PAGE);
    default: return typeAhead(key, index, labels);
  }
}

function typeAhead(key, index, labels) {
  if (typeof key !== 'string' || [...key].length !== 1 || !/\p{L}|\p{N}/u.test(key)) return null;
  const letter = key.toLocaleLowerCase();
  for (let step = 1; step <= labels.length; step += 1) {
    const at = (index + step) % labels.length;
    if (String(labels[at]).toLocaleLowerCase().startsWith(letter)) return at;
  }
  return null;
}
