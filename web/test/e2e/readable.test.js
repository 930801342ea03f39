// End-to-end, issue 12 item 8: a misspelled country gives one error with its suggestions
// as links; the network page stays readable (edges filtered by weight, labels on the
// largest nodes and the focus country's neighbourhood); one colour per country on every
// chart, the brief's too. Screenshots: web/test-results/unknown-country.png, network-readable.png.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
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

  // The drawn graph as the page's Cytoscape instance sees it.
  const graph = () => page.evaluate(() => {
    const cy = document.querySelector('.cy')._cyreg.cy;
    const labelled = cy.nodes().filter((n) => n.style('label'));
    const boxes = labelled.map((n) => n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }));
    let overlaps = 0;
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => { if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps += 1; }));
    const ids = (selector) => cy.$(selector).map((e) => e.id()).sort();
    return {
      edges: cy.edges().length, labelled: labelled.map((n) => n.id()).sort(), overlaps,
      chosen: ids('node.chosen'), partners: ids('node.partner'), faded: cy.$('node.faded').length,
      neighbours: cy.$('node.chosen').neighborhood('node').map((n) => n.id()).sort(),
      tiv: cy.edges().map((e) => e.data('tiv')),
    };
  });

  test('the network page filters links by TIV, labels the largest nodes and highlights the focus with its partners', async () => {
    await open('#/network?years=2016-2023&node=TUR');
    const threshold = page.locator('select[name="min_tiv"]');
    const minimum = Number(await threshold.inputValue());
    assert.ok(minimum > 0, 'a minimum TIV is chosen by default');
    const drawn = await graph();
    assert.ok(drawn.edges > 20 && drawn.edges <= 100, `a readable number of links: ${drawn.edges}`);
    assert.ok(drawn.tiv.every((tiv) => tiv >= minimum), 'every link carries at least the minimum');
    assert.deepEqual(drawn.chosen, ['TUR'], 'the focus is ringed');
    assert.ok(drawn.partners.length > 0, 'Türkiye has partners at this minimum');
    assert.deepEqual(drawn.partners, drawn.neighbours, 'its partners are marked');
    assert.ok(drawn.faded > 0, 'the rest fades');
    for (const id of ['TUR', ...drawn.partners]) assert.ok(drawn.labelled.includes(id), `${id} labelled`);
    assert.ok(drawn.labelled.length <= 15 + 1 + drawn.partners.length, `labels on the largest nodes only: ${drawn.labelled.length}`);
    assert.ok(drawn.overlaps <= 3, `labels hardly overlap: ${drawn.overlaps} overlapping pairs`);
    await shoot('network-readable', false);

    const lower = await threshold.locator('option').evaluateAll((options, min) => options.map((o) => Number(o.value)).filter((v) => v < min)[0], minimum);
    await threshold.selectOption(String(lower));
    await session.settled();
    assert.match(hashOf(), new RegExp(`min_tiv=${lower}`), 'the minimum goes into the URL');
    const more = await graph();
    assert.ok(more.edges > drawn.edges, `a lower minimum draws more links: ${more.edges} > ${drawn.edges}`);
    assert.ok(more.tiv.every((tiv) => tiv >= lower));
  });

  // Each legend entry's label and swatch colour ("#rrggbb") of a figure.
  const legendOf = (figureId) => page.locator(`#${figureId} ul.legend li`).evaluateAll((items) => items.map((li) => {
    const [r, g, b] = getComputedStyle(li.querySelector('.swatch')).backgroundColor.match(/\d+/g).map(Number);
    return [li.textContent.trim(), `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`.toUpperCase()];
  }));
  const expectedColours = new Map(fs.readFileSync(new URL('../../../tests/report/actor_colours_expected.csv', import.meta.url), 'utf8')
    .split('\n').filter((line) => /^[^#].*,#/.test(line)).map((line) => line.split(',')));

  test('one colour per country on every chart: the country, supplier shift and dyad pages agree with the brief', async () => {
    const seen = new Map();
    const record = (where, name, colour) => {
      if (seen.has(name)) assert.equal(colour, seen.get(name), `${name} on ${where}`);
      seen.set(name, colour);
    };
    await open('#/country/AZE?years=1995-2023');
    for (const [name, colour] of await legendOf('supplier-shares')) record('country', name, colour);
    await open('#/shift/AZE?years=1995-2023');
    for (const [name, colour] of await legendOf('shift-chart')) record('shift', name, colour);
    await open('#/dyad/RUS/AZE?years=1995-2023');
    const dyad = await legendOf('dyad-timeline');
    assert.equal(dyad[0][1], expectedColours.get('RUS'), 'Russia → Azerbaijan in Russia\'s colour');
    assert.equal(dyad[1][1], expectedColours.get('AZE'), 'Azerbaijan → Russia in Azerbaijan\'s colour');
    // The brief's colours (tests/report/actor_colours_expected.csv, checked against the C++).
    for (const [id, name] of [['RUS', 'Russia'], ['ISR', 'Israel'], ['TUR', 'Türkiye'], ['UKR', 'Ukraine']]) {
      assert.ok(seen.has(name), `${name} among Azerbaijan's suppliers`);
      assert.equal(seen.get(name), expectedColours.get(id), name);
    }
    const colours = [...seen.entries()].filter(([name]) => name !== 'other');
    assert.ok(colours.length >= 7, `suppliers in the legends: ${colours.length}`);
  });
});
