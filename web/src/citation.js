// Citation text carried by every download: the SIPRI credit line and vintage from the
// API's meta, plus defcoop's source ids. Pure functions (no DOM), unit-tested in node.

export const DEFCOOP_CREDIT = 'defcoop — evidence-backed observatory of defense-industry cooperation';

// Lines of citation text for one API meta object (or several merged: see mergeMeta).
export function citationLines(meta = {}, { title = '', url = '' } = {}) {
  const lines = [];
  if (title) lines.push(title);
  if (meta.credit) lines.push(meta.vintage ? `${meta.credit} (vintage ${meta.vintage})` : meta.credit);
  else if (meta.vintage) lines.push(`SIPRI vintage ${meta.vintage}`);
  const sources = normaliseSources(meta.sources);
  if (sources.length) lines.push(`Sources: ${sources.join('; ')}`);
  if (meta.note) lines.push(`Note: ${meta.note}`);
  lines.push(url ? `${DEFCOOP_CREDIT}: ${url}` : DEFCOOP_CREDIT);
  return lines;
}

// Merges the meta of several API answers that feed one figure: first credit/vintage
// wins, sources are united in first-seen order.
export function mergeMeta(...metas) {
  const merged = { sources: [] };
  for (const meta of metas.filter(Boolean)) {
    for (const key of ['credit', 'vintage', 'note']) if (!merged[key] && meta[key]) merged[key] = meta[key];
    for (const source of normaliseSources(meta.sources)) {
      if (!merged.sources.includes(source)) merged.sources.push(source);
    }
  }
  return merged;
}

// When an answer's meta names no sources (timeline, claims), the figure cites the
// sources of its rows: ids without their locators ("bazarbayev2024 [section …]").
export function withRowSources(meta = {}, rows = []) {
  if (normaliseSources(meta.sources).length) return meta;
  const sources = [];
  for (const row of rows) {
    for (const entry of normaliseSources(row?.sources)) {
      const id = entry.replace(/\s*\[.*$/, '').trim();
      if (id && !sources.includes(id)) sources.push(id);
    }
  }
  return sources.length ? { ...meta, sources } : meta;
}

function normaliseSources(sources) {
  if (!sources) return [];
  return (Array.isArray(sources) ? sources : [sources]).map(String).filter(Boolean);
}

// One CSV field, quoted when it holds a separator, quote or line break. Lists become
// "a|b" as in the curated data; objects become JSON.
export function csvField(value) {
  if (value === null || value === undefined) return '';
  let text;
  if (Array.isArray(value)) text = value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('|');
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// CSV text: the citation as "# " comment lines, then a header and the rows.
// columns defaults to every key seen in the rows, in first-seen order.
export function toCsv(rows, citation, columns = columnsOf(rows)) {
  const head = citation.map((line) => `# ${line.replace(/[\r\n]+/g, ' ')}`);
  const body = rows.map((row) => columns.map((c) => csvField(row[c])).join(','));
  return [...head, columns.map(csvField).join(','), ...body].join('\n') + '\n';
}

export function columnsOf(rows) {
  const columns = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  return columns;
}

export function escapeXml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]);
}

// A safe file name stem from a figure title: "Imports of TUR, 1990-2020" -> "imports-of-tur-1990-2020".
export function fileStem(title) {
  const stem = String(title).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9\u0400-\u04ff]+/g, '-').replace(/^-+|-+$/g, '');
  return stem.slice(0, 80) || 'defcoop';
}
