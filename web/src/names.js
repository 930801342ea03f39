// Display names for actor ids: the API's own names when it gave them (nameOf), English
// ISO 3166 names when the interface is English, else the id itself.
import { nameOf } from './api.js';
import { getLang } from './i18n.js';
import iso from './generated/iso-numeric.json';

export function displayName(id) {
  const known = nameOf(id);
  if (known !== id) return known;
  if (getLang() === 'en' && iso[id]) return iso[id].name;
  return id;
}

export function isoNumeric(alpha3) {
  return iso[alpha3]?.numeric;
}

// numeric -> alpha-3, for the map.
export const ALPHA3_BY_NUMERIC = Object.fromEntries(Object.entries(iso).map(([a3, v]) => [v.numeric, a3]));

export function looksLikeId(text) {
  return /^[A-Z]{3}$/.test(text) || /^[a-z]+:/.test(text);
}
