// End-to-end: the country page's defense cooperation agreements (DCAD, /dca) and
// sanctions (GSDB, /sanctions) figures in the built dashboard served by the real
// `defcoop serve`, driven in Debian's Chromium, in English and Russian. Counts, cases and
// names are read from the same server's JSON API, never written into the test. A second
// server on a store with neither dataset imported shows the notes naming the import
// commands instead. Screenshots go to web/test-results/.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { browserSession, skip, skipEmptyStore } from './session.js';

const catalog = (lang) => JSON.parse(fs.readFileSync(new URL(`../../src/i18n/${lang}.json`, import.meta.url), 'utf8'));
const fill = (text, vars) => text.replace(/\{(\w+)\}/g, (whole, key) => (key in vars ? String(vars[key]) : whole));

// The server's own answer: {status, meta, rows} (an error's status with no rows).
async function answer(server, endpoint, params) {
  const response = await fetch(`${server.base}/api/v1/${endpoint}?${new URLSearchParams(params)}`);
  const body = await response.json();
  return { status: response.status, meta: body.meta || {}, rows: body.rows || [], error: body.error };
}

describe('country page: defense cooperation agreements and sanctions', { skip, timeout: 300_000 }, () => {
  const session = browserSession();
  const { open, shoot, foreign, pageErrors } = session;
  let page;
  let server;
  before(() => {
    ({ page, server } = session);
  });

  const cells = (selector) => page.locator(`${selector} tbody tr`).evaluateAll((rows) => rows.map((row) => [...row.cells].map((c) => c.textContent.trim())));
  const headers = (selector) => page.locator(`${selector} thead th`).allTextContents();

  async function csv(selector) {
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`${selector} button.download-csv`).click()]);
    assert.match(file.suggestedFilename(), /\.csv$/);
    return fs.readFileSync(await file.path(), 'utf8').split('\n');
  }

  // A figure: its citation names `source`, it downloads as CSV (citation first, then the
  // API's columns), SVG and PNG.
  async function assertCited(selector, source, firstColumn) {
    assert.match(await page.locator(`${selector} .citation`).innerText(), new RegExp(`: ${source}`), `${selector}: citation names ${source}`);
    for (const fmt of ['csv', 'svg', 'png']) assert.equal(await page.locator(`${selector} button.download-${fmt}`).count(), 1, `${selector}: ${fmt} download`);
    const lines = await csv(selector);
    assert.equal(lines[0], `# ${await page.locator(`${selector} h2`).innerText()}`, `${selector}: CSV starts with the title`);
    assert.ok(lines.some((line) => line === `# Sources: ${source}`), `${selector}: CSV sources line`);
    assert.ok(lines.find((line) => !line.startsWith('#')).startsWith(`${firstColumn},`), `${selector}: CSV header`);
  }

  for (const lang of ['en', 'ru']) {
    test(`Türkiye (${lang}): agreements by year and listed, sanctions on and by it, as the API answers`, async () => {
      const messages = catalog(lang);
      const langParam = lang === 'en' ? {} : { lang };
      // The page's years (within the SIPRI data's) reach past the DCAD's 1980-2010: its
      // figures keep the years they share.
      await open(`#/country/TUR?${lang === 'en' ? '' : `lang=${lang}&`}years=1985-2020`);
      assert.deepEqual(await page.locator('.error').allTextContents(), [], 'no error on the page');
      const from = Number(await page.locator('input.year-from').inputValue());
      const to = Number(await page.locator('input.year-to').inputValue());
      assert.ok(to > 2010 && from < 2010, `page years ${from}-${to}`);
      const years = `${from}-${to}`;
      const dcaYears = `${Math.max(from, 1980)}-2010`;

      const byYear = await answer(server, 'dca', { actor: 'TUR', years: dcaYears, by: 'year', ...langParam });
      if (byYear.status === 404) {
        // The store has no DCAD (the shared data file was absent): the note, not figures.
        assert.match(await page.locator('#dca .not-imported').innerText(), /defcoop import dcad/);
      } else {
        assert.equal(byYear.status, 200);
        const list = await answer(server, 'dca', { actor: 'TUR', years: dcaYears, ...langParam });
        assert.ok(list.rows.length > 0, `Türkiye has DCAD agreements in ${dcaYears}`);
        assert.equal(await page.locator('#dca-years h2').innerText(), fill(messages.dca_by_year, { name: await page.locator('main h1').innerText(), years: dcaYears }));
        const bars = await page.locator('#dca-years .figure-body svg [aria-label="bar"] rect title').allTextContents();
        assert.deepEqual(bars, byYear.rows.map((r) => `${r.year}: ${r.agreements}`), 'a bar per year with the API\'s count');
        assert.ok(await page.locator('#dca-years .figure-body svg [aria-label="x-axis tick"] *').count() > 1, 'year axis');

        const rows = await cells('#dca-agreements');
        assert.equal(rows.length, list.rows.length, 'a table row per agreement');
        assert.deepEqual(await headers('#dca-agreements'), [messages.date, messages.partner, messages.categories]);
        const partner = (r) => (r.actor1 === 'TUR' ? [r.actor2, r.state2] : [r.actor1, r.state1]);
        assert.deepEqual(rows.map((r) => r.slice(0, 2)), list.rows.map((r) => [r.signed, partner(r)[1]]), 'dates and partners\' names');
        const hrefs = await page.locator('#dca-agreements tbody td:nth-child(2) a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
        assert.deepEqual(hrefs.map((href) => href.split('?')[0]), list.rows.map((r) => `#/dyad/TUR/${partner(r)[0]}`), 'partners link to the dyad pages');
        const categories = list.rows.map((r) => r.categories.map((code) => messages[`dcad_category_${code}`]).join(', '));
        assert.deepEqual(rows.map((r) => r[2]), categories, 'categories in the interface language');
        await assertCited('#dca-years', 'kinne2020-dcad', 'year');
        await assertCited('#dca-agreements', 'kinne2020-dcad', 'signed');
      }

      const on = await answer(server, 'sanctions', { target: 'TUR', years, ...langParam });
      const by = await answer(server, 'sanctions', { imposer: 'TUR', years, ...langParam });
      if (on.status === 404) {
        assert.match(await page.locator('#sanctions .not-imported').innerText(), /defcoop import gsdb/);
      } else {
        assert.ok(on.rows.length > 0 && by.rows.length > 0, `GSDB cases on and by Türkiye in ${years}`);
        for (const [selector, { rows: cases }, side, ids, label] of [
          ['#sanctions-on', on, 'senders', 'sender_ids', messages.imposed_by],
          ['#sanctions-by', by, 'targets', 'target_ids', messages.targets]]) {
          const rows = await cells(selector);
          assert.deepEqual(rows.map((r) => r[0]), cases.map((c) => String(c.case)), `${selector}: the API's cases`);
          assert.deepEqual(await headers(selector), [messages.case, messages.years, label, messages.measures, messages.objectives, messages.outcomes]);
          const others = (c) => c[side].filter((name, idx) => c[ids][idx] !== 'TUR').join(', ');
          assert.deepEqual(rows.map((r) => r[2]), cases.map(others), `${selector}: the other side's parties`);
          const measures = (c) => [...new Set(c.measures)].map((code) => messages[`gsdb_measure_${code}`]).join(', ');
          assert.deepEqual(rows.map((r) => r[3]), cases.map(measures), `${selector}: measures in the interface language`);
          if (lang !== 'en') {
            // Years, measures, objectives, outcomes (parties keep the names GSDB gives
            // the organizations defcoop does not know, e.g. EEC).
            for (const row of rows) assert.doesNotMatch([row[1], ...row.slice(3)].join(' | '), /[A-Za-z]/, `${selector}: no English in ${row.join(' | ')}`);
          }
          await assertCited(selector, 'gsdb-v3', 'case');
        }
      }
      await shoot(`country-datasets-${lang}`);
    });
  }

  test('no page error and no request to another host', () => {
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(foreign, []);
  });
});

describe('country page on a store without DCAD and GSDB', { skip: skipEmptyStore, timeout: 120_000 }, () => {
  const session = browserSession({ emptyStore: true });
  const { open, foreign, pageErrors } = session;
  let page;
  let server;
  before(() => {
    ({ page, server } = session);
  });

  for (const lang of ['en', 'tr']) {
    test(`the figures say how to import each dataset (${lang}), not an error`, async () => {
      const messages = catalog(lang);
      const dca = await answer(server, 'dca', { actor: 'TUR', by: 'year' });
      assert.equal(dca.status, 404);
      assert.match(dca.error.message, /defcoop import dcad FILE/);
      assert.equal((await answer(server, 'sanctions', { target: 'TUR' })).status, 404);

      await open(`#/country/TUR${lang === 'en' ? '' : `?lang=${lang}`}`);
      for (const [id, heading, dataset, command] of [
        ['dca', messages.dca_heading, 'DCAD (Kinne 2020)', 'dcad'],
        ['sanctions', messages.sanctions_heading, 'GSDB V3', 'gsdb']]) {
        const note = page.locator(`#${id}`);
        assert.equal(await note.locator('h2').innerText(), heading);
        assert.equal(await note.locator('.not-imported').innerText(), `${fill(messages.not_imported, { dataset })} defcoop import ${command} ${messages.file_arg}`);
        assert.equal(await note.locator('.error').count(), 0, `${id}: a note, not an error`);
        assert.equal(await note.locator('[role="alert"]').count(), 0);
      }
      assert.equal(await page.locator('#dca-years, #dca-agreements, #sanctions-on, #sanctions-by').count(), 0, 'no empty figures');
    });
  }

  test('no page error and no request to another host', () => {
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(foreign, []);
  });
});
