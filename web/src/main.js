// Entry point: reads the view state from the location hash, draws the header (pages,
// search, language) and hands the main area to the page module. Every state change goes
// through go(), which writes the hash, so links reproduce views and back/forward work.
import './style.css';
import { parseHash, buildHash, withParams, langOf, PAGES, LANGS } from './url-state.js';
import { setLang, t, LANG_NAMES } from './i18n.js';
import { api, resolveId } from './api.js';
import { h } from './dom.js';
import { looksLikeId } from './names.js';
import * as overview from './pages/overview.js';
import * as country from './pages/country.js';
import * as dyad from './pages/dyad.js';
import * as platform from './pages/platform.js';
import * as timeline from './pages/timeline.js';
import * as network from './pages/network.js';
import * as claims from './pages/claims.js';
import * as periods from './pages/periods.js';
import * as shock from './pages/shock.js';
import * as shift from './pages/shift.js';

const PAGE_MODULES = { overview, country, dyad, platform, timeline, network, claims, periods, shock, shift };
// SIPRI's register starts in 1950; the last year comes from the data (tiv?by=year).
const FIRST_SIPRI_YEAR = 1950;
let bounds = [FIRST_SIPRI_YEAR, new Date().getFullYear() - 1];

function link(page, args = [], params = {}) {
  const lang = langOf(parseHash(location.hash).params);
  return buildHash({ page, args, params: { ...params, lang: lang === 'en' ? null : lang } });
}

function go(state, { replace = false } = {}) {
  const hash = buildHash(state);
  if (hash === location.hash) return;
  if (replace) history.replaceState(null, '', hash);
  else history.pushState(null, '', hash);
  render();
}

function header(state) {
  const lang = langOf(state.params);
  const nav = h('nav', { 'aria-label': t('nav_label') }, h('ul', {}, PAGES.map((page) =>
    h('li', {}, h('a', {
      href: link(page, defaultArgs(page, state)), 'aria-current': page === state.page ? 'page' : null,
    }, t(`nav_${page}`))))));
  const search_id = 'site-search';
  const search = h('form', {
    class: 'search', role: 'search',
    onsubmit: async (event) => {
      event.preventDefault();
      const text = event.target.elements.q.value.trim();
      if (text) await openSearch(text, state);
    },
  }, h('label', { for: search_id }, t('search_label')),
  h('input', { id: search_id, name: 'q', type: 'search', autocomplete: 'off' }),
  h('button', { type: 'submit' }, t('search_button')));
  const lang_id = 'lang-select';
  const lang_select = h('span', { class: 'lang' }, h('label', { for: lang_id }, t('language')),
    h('select', {
      id: lang_id,
      onchange: (event) => go(withParams(state, { lang: event.target.value === 'en' ? null : event.target.value })),
    }, LANGS.map((code) => h('option', { value: code, selected: code === lang ? true : null, lang: code }, LANG_NAMES[code]))));
  return h('header', { class: 'site' },
    h('a', { class: 'skip', href: '#main', onclick: (e) => { e.preventDefault(); document.getElementById('main').focus(); } }, t('skip')),
    h('div', { class: 'brand' }, h('a', { href: link('overview') }, 'defcoop'), h('span', {}, t('app_title').replace(/^defcoop — /, ''))),
    nav, h('div', { class: 'tools' }, search, lang_select));
}

// Keeps the country when moving between the country, dyad and supplier shift pages.
function defaultArgs(page, state) {
  const focus = ['country', 'dyad', 'shift'].includes(state.page) ? state.args[0] : null;
  if (page === 'country') return [focus || 'TUR'];
  if (page === 'shift') return [focus || 'AZE'];
  if (page === 'dyad') return state.page === 'dyad' ? state.args : [focus || 'TUR', focus === 'AZE' ? 'TUR' : 'AZE'];
  if (page === 'platform') return [state.page === 'platform' ? state.args[0] : 'Bayraktar TB2'];
  return [];
}

async function openSearch(text, state) {
  const lang = state.params.lang;
  try {
    const { rows } = await api('search', { q: text });
    const hit = rows.find((row) => row.id);
    if (!hit) throw new Error(t('search_none', { q: text }));
    if (hit.kind === 'platform' || String(hit.id).startsWith('platform:')) go({ page: 'platform', args: [hit.name || text], params: { lang } });
    else if (hit.kind === 'state' || looksLikeId(hit.id) && !hit.id.includes(':')) go({ page: 'country', args: [hit.id], params: { lang } });
    else go({ page: 'platform', args: [text], params: { lang } });
  } catch {
    // Not an actor: platforms are found by `show`.
    go({ page: 'platform', args: [text], params: { lang } });
  }
}

export function render() {
  const state = parseHash(location.hash);
  setLang(langOf(state.params));
  const app = document.getElementById('app');
  const main = h('main', { id: 'main', tabindex: '-1' });
  app.replaceChildren(header(state), main, footer());
  const ctx = {
    state, bounds, link, go,
    setParams: (changes, options) => go(withParams(state, changes), options),
    // Records a change in the URL without drawing the page again (a selection within a
    // drawn figure): the link reproduces it, the history gets no entry.
    remember: (changes) => history.replaceState(null, '', buildHash(withParams(parseHash(location.hash), changes))),
    resolve: resolveId,
  };
  document.title = `${t(`nav_${state.page}`)} — defcoop`;
  PAGE_MODULES[state.page].render(main, ctx);
}

function footer() {
  return h('footer', { class: 'site' }, h('p', {},
    'defcoop · Information from the SIPRI Arms Transfers Database · ',
    h('a', { href: 'api/v1/sources' }, 'sources (JSON)'), ' · ', h('a', { href: 'api/v1/vintages' }, 'vintages (JSON)')));
}

async function start() {
  try {
    const { meta } = await api('tiv', { by: 'year' });
    const match = /^(\d{4})-(\d{4})$/.exec(meta.years || '');
    if (match) bounds = [Number(match[1]), Number(match[2])];
  } catch {
    // Keep the default bounds: the pages still work and report their own errors.
  }
  window.addEventListener('hashchange', render);
  render();
}

start();
