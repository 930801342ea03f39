// Regenerates src/generated/iso-numeric.json (ISO 3166-1 alpha-3 -> numeric id and
// English name) from Debian's iso-codes package. The world-atlas TopoJSON keys countries
// by the numeric id, the API by alpha-3. Run: npm run gen (needs the `iso-codes` package).
import fs from 'node:fs';
const src = process.argv[2] || '/usr/share/iso-codes/json/iso_3166-1.json';
const out = new URL('../src/generated/iso-numeric.json', import.meta.url);
const countries = JSON.parse(fs.readFileSync(src, 'utf8'))['3166-1']
  .sort((a, b) => a.alpha_3.localeCompare(b.alpha_3));
const lines = countries.map((c) =>
  `${JSON.stringify(c.alpha_3)}: ${JSON.stringify({ numeric: c.numeric, name: c.common_name || c.name })}`);
fs.writeFileSync(out, `{\n${lines.join(',\n')}\n}\n`);
console.log(`wrote ${countries.length} countries to ${out.pathname}`);
