// One colour per actor on every chart (web/src/actor-colours.json, shared with the brief's
// src/report/actor_colour.cpp): an actor of the table's `fixed` list has its colour, any
// other id the palette's entry at the FNV-1a 32-bit hash of its UTF-8 bytes modulo the
// palette's length. Pure: the table is passed in.
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export function fnv1a(text) {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash >>> 0;
}

export function actorColourFrom(table, id) {
  return table.fixed[id] ?? table.palette[fnv1a(id) % table.palette.length];
}
