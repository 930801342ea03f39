// Turns a figure into downloadable CSV, SVG and PNG files, each carrying its citation:
// "# " comment lines in CSV, <title>/<desc> plus a drawn footer in SVG, and the same
// footer rasterised into the PNG.
import { toCsv, escapeXml, fileStem } from './citation.js';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif';
const LINE_HEIGHT = 15;
const TITLE_HEIGHT = 26;
const PNG_SCALE = 2;

export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadCsv(title, rows, citation, columns) {
  saveBlob(new Blob([toCsv(rows, citation, columns)], { type: 'text/csv;charset=utf-8' }), `${fileStem(title)}.csv`);
}

// A standalone SVG document: title on top, the chart (an SVG string of width x height),
// an optional legend row, and the citation lines as a footer.
export function composeSvg({ title, citation, chartSvg, width, height, legend = [] }) {
  const legend_height = legend.length ? Math.ceil(legend.length / 4) * LINE_HEIGHT + 6 : 0;
  const wrapped = citation.flatMap((line) => wrapText(line, Math.max(40, Math.floor(width / 6.2))));
  const footer_height = wrapped.length * LINE_HEIGHT + 12;
  const total = TITLE_HEIGHT + height + legend_height + footer_height;
  const legend_items = legend.map((item, idx) => {
    const x = 10 + (idx % 4) * Math.floor((width - 20) / 4);
    const y = TITLE_HEIGHT + height + 4 + Math.floor(idx / 4) * LINE_HEIGHT;
    return `<rect x="${x}" y="${y}" width="10" height="10" fill="${item.colour}"/>` +
      `<text x="${x + 14}" y="${y + 9}" font-size="11">${escapeXml(item.label)}</text>`;
  }).join('');
  const footer = wrapped.map((line, idx) =>
    `<text x="10" y="${TITLE_HEIGHT + height + legend_height + 16 + idx * LINE_HEIGHT}" font-size="11" fill="#333">${escapeXml(line)}</text>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family='${FONT}'>` +
    `<title>${escapeXml(title)}</title><desc>${escapeXml(citation.join('\n'))}</desc>` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<text x="10" y="18" font-size="14" font-weight="bold">${escapeXml(title)}</text>` +
    `<g transform="translate(0,${TITLE_HEIGHT})">${chartSvg}</g>${legend_items}${footer}</svg>\n`;
}

// Serialises an in-page SVG element so that it stands alone (namespace, size).
export function serialiseSvg(svg) {
  const copy = svg.cloneNode(true);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const box = svg.getBoundingClientRect();
  const width = Number(svg.getAttribute('width')) || Math.round(box.width) || 640;
  const height = Number(svg.getAttribute('height')) || Math.round(box.height) || 400;
  copy.setAttribute('width', width);
  copy.setAttribute('height', height);
  copy.querySelectorAll('a').forEach((link) => link.removeAttribute('href'));
  return { chartSvg: new XMLSerializer().serializeToString(copy), width, height };
}

export function downloadSvg(title, svgText) {
  saveBlob(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }), `${fileStem(title)}.svg`);
}

export async function downloadPng(title, svgText) {
  saveBlob(await svgToPng(svgText), `${fileStem(title)}.png`);
}

export function svgToPng(svgText) {
  return new Promise((resolve, reject) => {
    const image = new Image();
    const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = image.width * PNG_SCALE;
      canvas.height = image.height * PNG_SCALE;
      const context = canvas.getContext('2d');
      context.scale(PNG_SCALE, PNG_SCALE);
      context.fillStyle = '#fff';
      context.fillRect(0, 0, image.width, image.height);
      context.drawImage(image, 0, 0);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png');
    };
    image.onerror = () => reject(new Error('SVG could not be rasterised'));
    image.src = url;
  });
}

// An SVG drawing of a table (the first rows), so tables download as SVG and PNG too.
export const TABLE_SVG_MAX_ROWS = 60;
export function tableSvg(columns, rows) {
  const shown = rows.slice(0, TABLE_SVG_MAX_ROWS);
  const cell = (value) => String(value ?? '').slice(0, 48);
  const widths = columns.map((c) => 12 + 6.6 * Math.max(cell(c.label).length, ...shown.map((r) => cell(c.text(r)).length)));
  const width = Math.max(320, Math.ceil(widths.reduce((a, b) => a + b, 0)) + 20);
  const row_height = 18;
  const lines = [];
  const header_y = 14;
  let x = 10;
  columns.forEach((c, idx) => {
    lines.push(`<text x="${x}" y="${header_y}" font-size="12" font-weight="bold">${escapeXml(cell(c.label))}</text>`);
    x += widths[idx];
  });
  shown.forEach((row, row_idx) => {
    let cx = 10;
    const y = header_y + (row_idx + 1) * row_height;
    if (row_idx % 2 === 0) lines.push(`<rect x="4" y="${y - 13}" width="${width - 8}" height="${row_height}" fill="#f3f3f3"/>`);
    columns.forEach((c, idx) => {
      lines.push(`<text x="${cx}" y="${y}" font-size="11">${escapeXml(cell(c.text(row)))}</text>`);
      cx += widths[idx];
    });
  });
  if (rows.length > shown.length) {
    lines.push(`<text x="10" y="${header_y + (shown.length + 1) * row_height}" font-size="11" font-style="italic">… ${rows.length - shown.length} more rows in the CSV</text>`);
  }
  const height = header_y + (shown.length + 2) * row_height;
  return { chartSvg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${lines.join('')}</svg>`, width, height };
}

function wrapText(text, max_chars) {
  const words = String(text).split(/\s+/);
  const lines = [];
  let line = '';
  for (const word of words) {
    if (line && (line + ' ' + word).length > max_chars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
