// End-to-end: the built dashboard (web/dist) served by the real `defcoop serve`, driven
// in Debian's Chromium. Screenshots of every page go to web/test-results/.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { browserSession, skip } from './session.js';

describe('dashboard', { skip, timeout: 300_000 }, () => {
  const session = browserSession();
  const { open, settled, shoot, hashOf, foreign, pageErrors } = session;
  let page;
  let server;
  before(() => {
    ({ page, server } = session);
  });

  async function assertHealthy(what) {
    const errors = await page.locator('.error').allTextContents();
    assert.deepEqual(errors, [], `${what}: error messages on the page`);
    assert.ok(await page.locator('section.figure').count() > 0, `${what}: no figure`);
    const citations = await page.locator('section.figure .citation').allTextContents();
    assert.ok(citations.some((text) => /Sources?:/.test(text)), `${what}: no sources under the figures`);
  }

  test('the overview shows the map, world series and top lists with SIPRI credit', async () => {
    await open('#/overview');
    assert.ok(await page.locator('svg.world-map a path').count() > 100, 'map countries');
    assert.match(await page.locator('#map .citation').innerText(), /SIPRI Arms Transfers Database/);
    assert.match(await page.locator('#map .citation').innerText(), /\d{4}-\d{2}-\d{2}/, 'vintage under the map');
    await assertHealthy('overview');
    await shoot('overview');
  });

  const pages = [
    ['country', '#/country/AZE?years=1995-2023', /Azerbaijan|AZE/],
    ['dyad', '#/dyad/TUR/AZE', /Türkiye|TUR/],
    ['platform', '#/platform/Bayraktar%20TB2?embargo=CAN', /Bayraktar TB2/],
    ['timeline', '#/timeline?actor=TUR&with=OTS', /Timeline/],
    ['network', '#/network?years=2014-2020', /2014-2020/],
    ['claims', '#/claims', /Claims/],
  ];
  for (const [name, hash, heading] of pages) {
    test(`the ${name} page opens with its figures and citations`, async () => {
      await open(hash);
      assert.match(await page.locator('main h1').innerText(), heading);
      await assertHealthy(name);
      if (name === 'network') assert.ok(await page.locator('.cy canvas').count() > 0, 'cytoscape canvas');
      if (name === 'platform') {
        // show's detail "Türkiye (TUR)" links to the country page.
        const origin = page.locator('#facts tbody tr').filter({ has: page.locator('td:nth-child(2)', { hasText: /^origin$/ }) });
        assert.equal(await origin.count(), 1, 'the origin row');
        const detail = origin.locator('td:nth-child(3) a');
        assert.equal(await detail.getAttribute('href'), '#/country/TUR');
        assert.match(await detail.innerText(), /\(TUR\)$/);
      }
      await shoot(name, name !== 'claims');
    });
  }

  test('the network page works from the keyboard: Tab to the node list, arrows, Enter shows the details', async () => {
    await open('#/network?years=2014-2020');
    await page.waitForSelector('.cy canvas');
    const box = page.locator('#network .cy');
    assert.equal(await box.getAttribute('role'), 'img');
    assert.match(await box.getAttribute('aria-label'), /2014-2020/);
    const described = await box.getAttribute('aria-describedby');
    assert.match(await page.locator(`[id="${described}"]`).innerText(), /table/, 'the graph points to its text alternative');
    const { rows } = await (await fetch(`${server.base}/api/v1/network?years=2014-2020&layers=transfers,agreements,ventures`)).json();
    assert.equal(await page.locator('#network-table tbody tr').count(), rows.length, 'every node in the table');

    await page.locator('select[name="min_tiv"]').focus();
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => ({
      id: document.activeElement.dataset.id, inList: !!document.activeElement.closest('.node-list'),
      visible: document.activeElement.matches(':focus-visible'), text: document.activeElement.textContent,
    }));
    const first = await focused();
    assert.ok(first.inList && first.id, 'Tab reaches the node list');
    assert.ok(first.visible, 'visible focus');
    await page.keyboard.press('ArrowDown');
    const second = await focused();
    assert.ok(second.inList && second.id !== first.id, 'ArrowDown moves to the next node');
    await page.keyboard.press('Enter');
    const details = page.locator('#node-details');
    await details.locator('h4').waitFor();
    assert.ok((await details.locator('h4').innerText()).includes(second.text), 'the details are the node\'s');
    const node = rows.find((r) => r.id === second.id);
    assert.match(await details.innerText(), new RegExp(`\\b${node.degree}\\b`), 'the node\'s degree');
    assert.equal(await page.locator(`.node-list button[data-id="${second.id}"]`).getAttribute('aria-pressed'), 'true');
    assert.equal(await details.getAttribute('aria-live'), 'polite');
    await page.waitForFunction((id) => location.hash.includes(`node=${id}`), second.id);
    assert.ok((await focused()).inList, 'focus stays in the list after Enter');
    await page.keyboard.press('Tab');
    assert.ok(!(await focused()).inList, 'the list is one tab stop');
    await shoot('network-keyboard', false);

    await page.reload();
    await settled();
    await page.waitForSelector('.cy canvas');
    await page.locator('#node-details h4').waitFor();
    assert.ok((await page.locator('#node-details h4').innerText()).includes(second.text), 'the selected node is kept in the URL');
    await page.locator('select[name="min_tiv"]').focus();
    await page.keyboard.press('Tab');
    assert.equal((await focused()).id, second.id, 'the selected node is the list\'s tab stop');
  });

  test('a supplier row on the country page links to the dyad page', async () => {
    await open('#/country/AZE?years=2011-2020');
    const link = page.locator('#suppliers a[href^="#/dyad/"]').first();
    const href = await link.getAttribute('href');
    assert.match(href, /^#\/dyad\/[A-Z]{3}\/AZE\?years=2011-2020$/);
    await link.click();
    await settled();
    assert.equal(hashOf(), href);
    assert.match(await page.locator('main h1').innerText(), /Azerbaijan|AZE/);
    await assertHealthy('dyad from country');
  });

  test('the year range is kept in the URL, survives a reload and back/forward', async () => {
    await open('#/overview?years=2011-2020');
    const slider = page.locator('input.year-from');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.hash.includes('years=2012-2020'));
    await settled();
    assert.match(await page.locator('#map h2').innerText(), /2012-2020/);
    await page.reload();
    await settled();
    assert.equal(await page.locator('input.year-from').inputValue(), '2012');
    assert.equal(await page.locator('input.year-to').inputValue(), '2020');
    assert.match(await page.locator('#map h2').innerText(), /2012-2020/);
    await page.goBack();
    await settled();
    assert.match(hashOf(), /years=2011-2020/);
    assert.match(await page.locator('#map h2').innerText(), /2011-2020/);
    await page.goForward();
    await settled();
    assert.match(hashOf(), /years=2012-2020/);
  });

  test('the search box resolves any spelling to a country page', async () => {
    await open('#/overview');
    await page.fill('#site-search', 'Қазақстан');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.startsWith('#/country/KAZ'));
    await settled();
    assert.match(await page.locator('main h1').innerText(), /Kazakhstan|KAZ/);
  });

  test('the interface language is switchable and kept in the URL', async () => {
    await open('#/country/KAZ?years=2000-2020');
    await page.selectOption('#lang-select', 'kk');
    await page.waitForFunction(() => location.hash.includes('lang=kk'));
    await settled();
    assert.equal(await page.locator('nav a[aria-current="page"]').innerText(), 'Ел');
    await page.reload();
    await settled();
    assert.equal(await page.locator('html').getAttribute('lang'), 'kk');
    assert.match(hashOf(), /^#\/country\/KAZ\?lang=kk&years=2000-2020$/);
    await shoot('country-kk');
  });

  test('a table downloads as CSV with the citation as comment lines first', async () => {
    await open('#/country/AZE?years=2011-2020');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#suppliers button.download-csv').click()]);
    const text = fs.readFileSync(await download.path(), 'utf8');
    const lines = text.split('\n');
    assert.match(download.suggestedFilename(), /\.csv$/);
    assert.match(lines[0], /^# Suppliers of /);
    assert.match(lines[1], /^# Information from the SIPRI Arms Transfers Database \(vintage \d{4}-\d{2}-\d{2}\)$/);
    assert.ok(lines.some((line) => /^# Sources: .*sipri-atdb/.test(line)), 'sources line');
    const header = lines.find((line) => !line.startsWith('#'));
    assert.match(header, /^rank,supplier,name,tiv,share/);
  });

  test('a chart downloads as SVG with title, desc and footer, and as PNG', async () => {
    await open('#/country/AZE?years=2011-2020');
    const [svg] = await Promise.all([page.waitForEvent('download'), page.locator('#supplier-shares button.download-svg').click()]);
    const text = fs.readFileSync(await svg.path(), 'utf8');
    assert.match(text, /<title>Suppliers of Azerbaijan by year/);
    assert.match(text, /<desc>[^<]*SIPRI Arms Transfers Database \(vintage/);
    assert.match(text, /<text[^>]*>Sources: sipri-atdb/);
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#supplier-shares button.download-png').click()]);
    const bytes = fs.readFileSync(await png.path());
    assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], 'PNG signature');
  });

  test('no page error and no request to another host', () => {
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(foreign, []);
  });
});
