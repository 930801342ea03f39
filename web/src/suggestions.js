// The nearest spellings the API names when it does not know an actor: its error message
// reads "unknown actor 'Azerbajan'; did you mean: Azerbaijan (AZE), Aselsan (firm:aselsan),
// European Union (org:eu, as 'EU')?".
const CANDIDATE = /\s*(.+?) \(([a-z]+:[^\s,()]+|[A-Z]{3})(?:, as '[^']*')?\)(?=,|\?$|$)/gu;

// The "did you mean" part of an API error message as [{name, id}], in its order.
export function parseSuggestions(message) {
  const tail = /did you mean: (.*)$/su.exec(message || '');
  if (!tail) return [];
  return [...tail[1].replace(/\?$/, '').matchAll(CANDIDATE)].map((m) => ({ name: m[1].replace(/^,\s*/, ''), id: m[2] }));
}
