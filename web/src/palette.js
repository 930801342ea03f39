// Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008, "Color Universal Design").
export const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'];
import actorTable from './actor-colours.json';
import { actorColourFrom } from './actor-colour.js';

export const OTHER_GREY = actorTable.other;

// One colour per actor on every chart, the brief's too (actor-colours.json); the
// folded rest ('other') in grey.
export function actorColour(id) {
  return id === 'other' ? OTHER_GREY : actorColourFrom(actorTable, id);
}

export function actorColours(ids) {
  return ids.map(actorColour);
}

// One colour per kind of dated fact, the same on every page (Okabe–Ito's yellow is
// left out: too faint on white for small symbols).
export const KIND_COLOURS = { agreement: '#009E73', event: '#CC79A7', embargo: '#D55E00', venture: '#0072B2' };

// Colours for ranked groups: the palette in order, grey for "other" and beyond.
export function groupColours(domain) {
  return domain.map((key, idx) => (key === 'other' || idx >= OKABE_ITO.length - 1 ? OTHER_GREY : OKABE_ITO[idx]));
}

// For many categories (communities): yellow last, it is faint on white.
const CATEGORY_ORDER = ['#E69F00', '#56B4E9', '#009E73', '#0072B2', '#D55E00', '#CC79A7', '#000000', '#F0E442'];

export function colourAt(index) {
  return CATEGORY_ORDER[index % CATEGORY_ORDER.length];
}
