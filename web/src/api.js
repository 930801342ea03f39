// Calls the defcoop JSON API (/api/v1/...) on the same origin. Every answer is
// {meta, rows}; errors are {error: {code, message}} with a 4xx status and become thrown
// Errors carrying that message and the HTTP status (error.status: 404 is also what an
// endpoint answers when its dataset is not imported). Answers are cached per URL for the
// page's lifetime.
import { getLang } from './i18n.js';

const cache = new Map();
const names = new Map();

// params: object whose values are strings, numbers or arrays (repeated keys).
export function apiUrl(endpoint, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== '' && item !== null && item !== undefined) query.append(key, String(item));
    }
  }
  if (getLang() !== 'en') query.set('lang', getLang());
  const qs = query.toString();
  return `api/v1/${endpoint}${qs ? `?${qs}` : ''}`;
}

export async function api(endpoint, params = {}) {
  const url = apiUrl(endpoint, params);
  if (!cache.has(url)) {
    const lang = getLang();
    const pending = fetchJson(url).catch((error) => retryWithoutLang(url, error)).then((answer) => {
      rememberNames(answer.rows || [], lang, endpoint === 'search');
      return answer;
    });
    cache.set(url, pending);
    pending.catch(() => cache.delete(url));
  }
  return cache.get(url);
}

// A server that does not know `lang` still answers, in English (a 404 is not about
// `lang`: no retry).
function retryWithoutLang(url, error) {
  if (!/[?&]lang=/.test(url) || error.status === 404) throw error;
  return fetchJson(url.replace(/([?&])lang=[^&]*&?/, '$1').replace(/[?&]$/, ''));
}

async function fetchJson(url) {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  const failure = (message) => Object.assign(new Error(message), { status: response.status });
  let body;
  try {
    body = await response.json();
  } catch {
    throw failure(`${response.status} ${response.statusText}`);
  }
  if (!response.ok || body.error) throw failure(body.error?.message || `${response.status} ${response.statusText}`);
  return { meta: body.meta || {}, rows: body.rows || [] };
}

// Rows that carry an id key and a `name` teach us display names (suppliers, exports,
// network, resolve), per interface language; everything else shows ids. /search may
// answer in English where other endpoints give the language's name, so its names are
// replaced by any other endpoint's.
function rememberNames(rows, lang, weak) {
  for (const row of rows) {
    if (!row || typeof row.name !== 'string') continue;
    for (const key of ['id', 'supplier', 'recipient']) {
      if (typeof row[key] !== 'string') continue;
      const known = names.get(nameKey(lang, row[key]));
      if (!known || (known.weak && !weak)) names.set(nameKey(lang, row[key]), { name: row.name, weak });
    }
  }
}

function nameKey(lang, id) {
  return `${lang}\u0000${id}`;
}

export function nameOf(id) {
  return names.get(nameKey(getLang(), id))?.name || id;
}

// Learns the display names of actor ids (in the interface language, where the API gives
// them) through /search; unknown ids stay ids.
export async function ensureNames(ids) {
  const lang = getLang();
  await Promise.allSettled(ids.filter((id) => !names.has(nameKey(lang, id))).map((id) => api('search', { q: id })));
}

// {id} for a spelling the data knows (through /search, then /show), else {message}: the
// API's error, which names the nearest spellings.
export async function lookUpActor(text) {
  try {
    const { rows } = await api('search', { q: text });
    if (rows[0]?.id) return { id: rows[0].id };
  } catch {
    // not resolved by /search: /show says why
  }
  try {
    await api('show', { name: text });
    return { id: text };
  } catch (error) {
    return { message: error.message };
  }
}

// Resolves any spelling to an actor id through /search; returns the input when unknown.
export async function resolveId(text) {
  if (!text) return text;
  try {
    const { rows } = await api('search', { q: text });
    return rows[0]?.id || text;
  } catch {
    return text;
  }
}
