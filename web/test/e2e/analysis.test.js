// End-to-end: the analysis pages (periods, shock, shift) of the built dashboard served by
// the real `defcoop serve`, driven in Debian's Chromium. Expected values are read from
// the same server's JSON API, never written into the test. Screenshots go to
// web/test-results/.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { browserSession, skip } from './session.js';

describe('analysis pages', { skip, timeout: 300_000 }, () => {
  const session = browserSession();
  const { open, settled, shoot, hashOf, foreign, pageErrors } = session;
  let page;
  let server;
  before(() => {
    ({ page, server } = session);
  });

  // The server's own answer, as the page asked for it.
  async function api(endpoint, params) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) for (const item of [value].flat()) query.append(key, item);
    const response = await fetch(`${server.base}/api/v1/${endpoint}?${query}`);
    assert.equal(response.status, 200, `${endpoint} ${query}`);
    return response.json();
  }

  const cells = (selector) => page.locator(`${selector} tbody tr`).evaluateAll((rows) => rows.map((row) => [...row.cells].map((c) => c.textContent.trim())));

  async function assertHealthy(what) {
    assert.deepEqual(await page.locator('.error').allTextContents(), [], `${what}: error messages on the page`);
    const figures = await page.locator('section.figure').count();
    assert.ok(figures > 0, `${what}: no figure`);
    assert.equal(await page.locator('section.figure .citation').count(), figures, `${what}: a citation under every figure`);
    assert.equal(await page.locator('section.figure button.download-csv').count(), figures, `${what}: CSV download of every figure`);
    const citations = await page.locator('section.figure .citation').allTextContents();
    assert.ok(citations.every((text) => /Sources?:|Источники|Kaynaklar|Дереккөздер/.test(text)), `${what}: sources under every figure`);
  }

  async function assertChart(id) {
    assert.ok(await page.locator(`#${id} .figure-body svg`).count() > 0, `${id}: no chart`);
    assert.ok(await page.locator(`#${id} .figure-body svg [aria-label="x-axis tick"] *`).count() > 1, `${id}: no axis`);
    for (const fmt of ['csv', 'svg', 'png']) assert.equal(await page.locator(`#${id} button.download-${fmt}`).count(), 1, `${id}: ${fmt} download`);
  }

  // The placebo histogram's bars as [bin, placebo dates] read from their titles ("0: 110"),
  // checked against the server's distribution: as many bars as whole-number bins, and
  // their dates add up to meta.placebo_dates (they would not if the weights were ignored).
  async function assertPlaceboBars(meta) {
    const titles = await page.locator('#shock-placebo svg [aria-label="rect"] rect title').allTextContents();
    const bars = titles.map((text) => Number(text.split(': ').at(-1)));
    const bins = new Set(meta.placebo_distribution.map((entry) => Math.round(entry.statistic)));
    assert.equal(bars.length, bins.size, 'a bar per whole-number bin');
    assert.ok(bars.every((n) => Number.isInteger(n) && n > 0), `bar counts: ${titles.join(', ')}`);
    assert.equal(bars.reduce((sum, n) => sum + n, 0), meta.placebo_dates, 'the bars add up to the placebo dates');
  }

  async function download(selector) {
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
    return fs.readFileSync(await file.path(), 'utf8');
  }

  test('the periods page draws the series with the detected and the article\'s periods', async () => {
    const { meta, rows } = await api('periods', { series: 'exports:TUR' });
    await open('#/periods?series=exports:TUR');
    assert.match(await page.locator('main h1').innerText(), /Türkiye|TUR/);
    await assertHealthy('periods');
    await assertChart('periods-chart');
    const [from, to] = meta.years.split('-');
    assert.equal(await page.locator('input.year-from').inputValue(), from, 'the slider shows the server\'s span');
    assert.equal(await page.locator('input.year-to').inputValue(), to);
    const periods = await page.locator('#periods-chart svg [aria-label="link"] *').count();
    assert.equal(periods, rows.length, 'a mean step for every period');
    const labels = await page.locator('#periods-chart svg [aria-label="text"] text').allTextContents();
    assert.deepEqual(labels, meta.compare_periods, 'the compared periods are labelled');
    const table = await cells('#periods-table');
    assert.deepEqual(table.map((r) => r.slice(0, 2)), rows.map((r) => [String(r.period), `${r.start}–${r.end}`]));
    assert.deepEqual((await cells('#periods-compare')).map((r) => r.slice(0, 2)), meta.compare.map((c) => [String(c.given), String(c.nearest_detected)]));
    assert.match(await page.locator('#periods-chart .citation').innerText(), /vintage[^\n]*\d{4}-\d{2}-\d{2}[\s\S]*sipri-atdb; bazarbayev2024/i);
    const csv = (await download('#periods-table button.download-csv')).split('\n');
    assert.match(csv[1], /^# Information from the SIPRI Arms Transfers Database \(vintage \d{4}-\d{2}-\d{2}\)$/);
    assert.ok(csv.includes('period,start,end,mean,change_vs_previous,difference_vs_previous'), 'CSV header');
    await shoot('periods');
  });

  test('the periods page keeps its parameters in the URL, in Turkish', async () => {
    await open('#/periods?lang=tr&series=imports:AZE&years=2000-2020');
    assert.equal(await page.locator('nav a[aria-current="page"]').innerText(), 'Dönemler');
    assert.match(await page.locator('main h1').innerText(), /^Gelişim dönemleri: /);
    assert.equal(await page.locator('#periods-table th').first().innerText(), 'Dönem');
    await page.selectOption('select[name="min_length"]', '5');
    await page.waitForFunction(() => location.hash.includes('min_length=5'));
    await settled();
    const { rows } = await api('periods', { series: 'imports:AZE', years: '2000-2020', min_length: '5', lang: 'tr' });
    assert.equal(await page.locator('#periods-table tbody tr').count(), rows.length);
    await page.reload();
    await settled();
    assert.equal(hashOf(), '#/periods?lang=tr&min_length=5&series=imports%3AAZE&years=2000-2020');
    assert.equal(await page.locator('select[name="min_length"]').inputValue(), '5');
    assert.equal(await page.locator('input.year-from').inputValue(), '2000');
    await page.goBack();
    await settled();
    assert.doesNotMatch(hashOf(), /min_length/);
    assert.equal(await page.locator('select[name="min_length"]').inputValue(), '3');
    await shoot('periods-tr');
  });

  test('the shock page shows the counts, the test, the facts and the placebo distribution', async () => {
    const { meta, rows } = await api('shock', { date: '2022-02-24' });
    await open('#/shock?date=2022-02-24');
    assert.match(await page.locator('main h1').innerText(), /2022-02-24/);
    await assertHealthy('shock');
    await assertChart('shock-counts');
    await assertChart('shock-placebo');
    const test_rows = await cells('#shock-test');
    assert.deepEqual(test_rows.slice(0, 2).map((r) => r[1]), rows.map((r) => String(r.count)), 'before and after counts');
    // The curated record: the Shusha Declaration and the 2021 trilateral protocol before, 8 agreements
    // after (the Uzbek military cooperation agreement the article dates 2022 was signed on 2020-10-27).
    assert.deepEqual(rows.map((r) => r.count), [2, 8], 'the store\'s counts for 2022-02-24');
    const p = new Intl.NumberFormat('en', { maximumFractionDigits: 4 }).format(meta.p_value);
    assert.equal(test_rows[2][1], p, 'two-sided p-value');
    assert.equal(test_rows[6][1], `${meta.placebo_rank} of ${meta.placebo_dates + 1}`, 'placebo rank');
    const bars = await page.locator('#shock-counts svg [aria-label="text"] text').allTextContents();
    assert.deepEqual(bars, rows.map((r) => String(r.count)));
    const facts = await cells('#shock-events');
    assert.deepEqual(facts.map((r) => r[3]), rows.flatMap((r) => r.events), 'every fact of both windows');
    await assertPlaceboBars(meta);
    assert.equal(await page.locator('#shock-placebo svg [aria-label="rule"] line').count(), 2, 'the zero line and the real date');
    assert.match(await page.locator('#shock-placebo svg [aria-label="text"]').textContent(), /2022-02-24/);
    const csv = (await download('#shock-placebo button.download-csv')).split('\n').filter(Boolean);
    const body = csv.filter((line) => !line.startsWith('#'));
    assert.equal(body[0], 'statistic,dates');
    assert.deepEqual(body.slice(1), meta.placebo_distribution.map((e) => `${e.statistic},${e.dates}`), 'the server\'s distribution as CSV');
    assert.ok(csv.some((line) => line.startsWith('# Sources: ') && line.includes(meta.sources[0])), 'sources in the CSV');
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#shock-placebo button.download-png').click()]);
    assert.deepEqual([...fs.readFileSync(await png.path()).subarray(1, 4)], [0x50, 0x4e, 0x47], 'PNG signature');
    await shoot('shock');
  });

  test('the shock page in Russian keeps the window in the URL', async () => {
    await open('#/shock?date=2022-02-24&lang=ru');
    assert.equal(await page.locator('main h1').innerText(), 'До и после 2022-02-24');
    await page.selectOption('select[name="window"]', '6m');
    await page.waitForFunction(() => location.hash.includes('window=6m'));
    await settled();
    const { meta, rows } = await api('shock', { date: '2022-02-24', window: '6m' });
    assert.deepEqual((await cells('#shock-test')).slice(0, 2).map((r) => r[1]), rows.map((r) => String(r.count)));
    assert.match(await page.locator('#shock-test tbody tr').first().innerText(), new RegExp(rows[0].from));
    await page.reload();
    await settled();
    assert.equal(hashOf(), '#/shock?date=2022-02-24&lang=ru&window=6m');
    assert.equal(await page.locator('select[name="window"]').inputValue(), '6m');
    await assertPlaceboBars(meta);
    await shoot('shock-ru');
  });

  test('the shift page marks the dominant supplier changes and lists rising and falling suppliers', async () => {
    const { meta, rows } = await api('shift', { country: 'AZE' });
    await open('#/shift/AZE');
    assert.match(await page.locator('main h1').innerText(), /Azerbaijan|AZE/);
    await assertHealthy('shift');
    await assertChart('shift-chart');
    assert.ok(await page.locator('#shift-chart svg [aria-label="area"] path').count() > 1, 'stacked areas');
    assert.equal(await page.locator('#shift-chart svg [aria-label="rule"] line').count(), meta.dominant_changes.length + 1, 'a rule per change and the zero line');
    const marks = await page.locator('#shift-chart svg [aria-label="text"] text').allTextContents();
    assert.deepEqual(marks.sort(), meta.dominant_changes.map((c) => `${c.previous}→${c.next}`).sort());
    assert.deepEqual((await cells('#shift-changes')).map((r) => r.slice(0, 2)), meta.dominant_changes.map((c) => [c.from_window, c.to_window]));
    assert.equal(await page.locator('#shift-rising tbody tr').count(), meta.rising.length + meta.falling.length);
    assert.deepEqual((await cells('#shift-windows')).map((r) => r[0]), rows.map((r) => r.years));
    const [from, to] = meta.years.split('-');
    assert.equal(await page.locator('input.year-from').inputValue(), from);
    assert.equal(await page.locator('input.year-to').inputValue(), to);
    const svg = await download('#shift-chart button.download-svg');
    assert.match(svg, /<title>Supplier shares of Azerbaijan/);
    assert.match(svg, /<text[^>]*>Sources: sipri-atdb/);
    await shoot('shift');
  });

  test('the shift page resolves any spelling and keeps window and step in the URL, in Kazakh', async () => {
    await open('#/shift/Azerbaijan?lang=kk');
    await page.waitForFunction(() => location.hash.startsWith('#/shift/AZE'));
    await settled();
    assert.equal(await page.locator('nav a[aria-current="page"]').innerText(), 'Жеткізушілер ауысуы');
    await page.selectOption('select[name="window"]', '3');
    await page.waitForFunction(() => location.hash.includes('window=3'));
    await settled();
    const { rows } = await api('shift', { country: 'AZE', window: '3' });
    assert.deepEqual((await cells('#shift-windows')).map((r) => r[0]), rows.map((r) => r.years));
    await page.reload();
    await settled();
    assert.equal(hashOf(), '#/shift/AZE?lang=kk&window=3');
    assert.equal(await page.locator('select[name="window"]').inputValue(), '3');
    await page.goBack();
    await settled();
    assert.equal(hashOf(), '#/shift/AZE?lang=kk');
  });

  test('the country page links to the analyses of its country', async () => {
    await open('#/country/AZE?years=2011-2020');
    assert.equal(await page.locator('.analysis-links a[data-page="country"]').count(), 0, 'no link to the page itself');
    assert.equal(await page.locator('.analysis-links a[data-page="shift"]').getAttribute('href'), '#/shift/AZE');
    assert.equal(await page.locator('.analysis-links a[data-page="periods"]').first().getAttribute('href'), '#/periods?series=exports%3AAZE');
    assert.equal(await page.locator('.analysis-links a[data-page="shock"]').getAttribute('href'), '#/shock?actor=AZE');
    await page.locator('.analysis-links a[data-page="periods"]').nth(1).click();
    await settled();
    assert.equal(hashOf(), '#/periods?series=imports%3AAZE');
    assert.match(await page.locator('main h1').innerText(), /Azerbaijan/);
    await assertHealthy('periods from country');
  });

  test('no page error and no request to another host', () => {
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(foreign, []);
  });
});
