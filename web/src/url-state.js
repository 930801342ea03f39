// The whole view state lives in the location hash: `#/PAGE/ARG?key=value&key=value`.
// Pure functions only (no DOM), so they are unit-tested in node. A link reproduces a
// view; every state change pushes a history entry, so back/forward work.

export const PAGES = ['overview', 'country', 'dyad', 'platform', 'timeline', 'network', 'claims', 'periods', 'shock', 'shift'];
export const LANGS = ['en', 'tr', 'kk', 'ru'];

// Parses "#/country/TUR?years=2000-2020&lang=tr" into
// { page: 'country', args: ['TUR'], params: { years: '2000-2020', lang: 'tr' } }.
// Unknown pages fall back to the overview; repeated keys keep the last value.
export function parseHash(hash) {
  const text = (hash || '').replace(/^#/, '');
  const query_at = text.indexOf('?');
  const path = query_at < 0 ? text : text.slice(0, query_at);
  const query = query_at < 0 ? '' : text.slice(query_at + 1);
  const parts = path.split('/').filter(Boolean).map(safeDecode);
  const page = PAGES.includes(parts[0]) ? parts[0] : 'overview';
  const params = {};
  for (const [key, value] of new URLSearchParams(query)) params[key] = value;
  return { page, args: PAGES.includes(parts[0]) ? parts.slice(1) : [], params };
}

// Inverse of parseHash. Empty, null and undefined params are dropped and keys are sorted,
// so one view has exactly one URL.
export function buildHash({ page = 'overview', args = [], params = {} }) {
  const path = [page, ...args.map((a) => encodeURIComponent(a))].join('/');
  const query = new URLSearchParams();
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value === '' || value === null || value === undefined) continue;
    query.set(key, String(value));
  }
  const qs = query.toString();
  return `#/${path}${qs ? `?${qs}` : ''}`;
}

// Returns a new state with params merged in (null removes a key).
export function withParams(state, changes) {
  const params = { ...state.params };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === '') delete params[key];
    else params[key] = String(value);
  }
  return { ...state, params };
}

// "1990-2020" -> [1990, 2020]; a single year "2020" -> [2020, 2020]; anything else, or a
// reversed range, gives the fallback. Years are clamped to [min, max] when given.
export function parseYears(text, fallback, min = -Infinity, max = Infinity) {
  const match = /^(\d{4})(?:-(\d{4}))?$/.exec(text || '');
  if (!match) return fallback;
  const from = Number(match[1]);
  const to = Number(match[2] || match[1]);
  if (from > to) return fallback;
  return [Math.max(min, from), Math.min(max, to)];
}

export function formatYears([from, to]) {
  return from === to ? String(from) : `${from}-${to}`;
}

// The interface language from the params, English when missing or unknown.
export function langOf(params) {
  return LANGS.includes(params.lang) ? params.lang : 'en';
}

function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
