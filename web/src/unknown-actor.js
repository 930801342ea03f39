// An actor named in the URL that the data does not know: the page shows one error,
// naming the input, with the API's nearest spellings as links to the same page for each,
// in place of one error per figure.
import { h } from './dom.js';
import { t } from './i18n.js';
import { parseSuggestions } from './suggestions.js';
import { lookUpActor } from './api.js';

// The error block: `hrefFor(id)` gives the link that loads the page for a suggestion.
export function unknownActorNotice(input, message, hrefFor) {
  const suggestions = parseSuggestions(message);
  return h('section', { class: 'unknown-actor', role: 'alert' },
    h('h1', {}, t('unknown_actor_title')),
    h('p', { class: 'error' }, t('unknown_actor', { input })),
    suggestions.length ? [
      h('p', {}, t('did_you_mean')),
      h('ul', { class: 'suggestions' }, suggestions.map(({ name, id }) =>
        h('li', {}, h('a', { href: hrefFor(id), 'data-id': id }, name), ` (${id})`))),
    ] : null);
}

// The actors a page's URL names (its args, `defaults` where absent), as ids. A spelling
// that is not an id is replaced in the URL by its id (the page draws again); an unknown
// one draws the notice, once for the page. Returns the ids, or null when the page is done.
export async function actorArgs(main, ctx, defaults) {
  const { state } = ctx;
  const inputs = defaults.map((fallback, idx) => state.args[idx] || fallback);
  const found = await Promise.all(inputs.map(lookUpActor));
  const unknown = found.findIndex((answer) => !answer.id);
  if (unknown >= 0) {
    const hrefFor = (id) => ctx.link(state.page, inputs.map((input, idx) => (idx === unknown ? id : found[idx].id || input)), withoutLang(state.params));
    main.append(unknownActorNotice(inputs[unknown], found[unknown].message, hrefFor));
    return null;
  }
  const ids = found.map((answer) => answer.id);
  if (ids.some((id, idx) => id !== inputs[idx])) {
    ctx.go({ ...state, args: ids }, { replace: true });
    return null;
  }
  return ids;
}

function withoutLang(params) {
  const { lang, ...rest } = params;
  return rest;
}
