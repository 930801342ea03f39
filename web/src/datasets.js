// Pure helpers of the country page's figures from the DCAD (defense cooperation
// agreements, /dca) and the GSDB (sanctions, /sanctions) (no DOM), unit-tested in node.

// The DCAD (Kinne 2020, v1.0) records agreements signed in these years.
export const DCAD_YEARS = [1980, 2010];

// The years two ranges [from, to] share, or null when they do not meet.
export function clipYears([from, to], [first, last]) {
  const start = Math.max(from, first);
  const end = Math.min(to, last);
  return start <= end ? [start, end] : null;
}

// The command an endpoint's 404 names when its dataset is not imported ("… import them
// with `defcoop import dcad FILE`"), or null for any other error.
export function importCommand(error) {
  if (error?.status !== 404) return null;
  const match = /defcoop import [a-z]+ FILE/.exec(error.message || '');
  return match ? match[0] : null;
}

// /dca?by=year rows ({year: "1980", agreements: 2}) with numeric years and counts.
export function yearCounts(rows) {
  return rows.map((row) => ({ year: Number(row.year), agreements: Number(row.agreements) || 0 }));
}

// Tick values for a count axis: whole numbers only, about `most` of them.
export function countTicks(max, most = 6) {
  const step = Math.max(1, Math.ceil(max / most));
  const ticks = [];
  for (let value = 0; value <= max; value += step) ticks.push(value);
  return ticks;
}

// The other state of a DCAD agreement of `id`: {id, name} (the API's display name).
export function dcaPartner(row, id) {
  return row.actor1 === id ? { id: row.actor2, name: row.state2 } : { id: row.actor1, name: row.state1 };
}

// The parties of a GSDB case on one side ('targets' or 'senders') except `id`, as
// {id, name}; a party the import could not resolve has id ''.
export function caseParties(row, side, id) {
  const names = row[side] || [];
  const ids = row[side === 'targets' ? 'target_ids' : 'sender_ids'] || [];
  return names.map((name, idx) => ({ id: ids[idx] || '', name })).filter((party) => !id || party.id !== id);
}

// A case's years: {from, to}, to null while the case is ongoing.
export function caseYears(row) {
  return { from: Number(row.begin), to: row.end === 'ongoing' ? null : Number(row.end) };
}

// Codes (DCAD categories, GSDB measures, objectives, outcomes) as the catalog's labels
// `${prefix}${code}` through t(), each once, first-seen order; a code the catalog does not
// know stays the code.
export function codeLabels(codes, prefix, t) {
  return [...new Set((codes || []).filter(Boolean))].map((code) => {
    const key = `${prefix}${code}`;
    const text = t(key);
    return text === key ? code : text;
  });
}
