// What every browser suite shares: the real `defcoop serve` and Debian's Chromium,
// started before the suite's tests and stopped after them, with every request to another
// host blocked and recorded, page errors recorded, and the helpers to open a page of the
// dashboard and wait until it has drawn. Screenshots go to web/test-results/.
import { before, after } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumMissing, launch } from './browser.js';
import { startServer, emptyStore, WEB_DIST } from './server.js';

export const RESULTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-results');

// Why the browser tests cannot run here (false when they can).
export const skip = chromiumMissing() || (!fs.existsSync(path.join(WEB_DIST, 'index.html')) && `${WEB_DIST} is not built: run npm run build`);
if (skip) console.log(`# SKIP browser tests: ${skip}`);

// Why a suite that needs its own server on an empty store cannot run (false when it can).
export const skipEmptyStore = skip || (process.env.DEFCOOP_WEB_URL && 'DEFCOOP_WEB_URL is set: no server of our own on an empty store')
  || (!process.env.DEFCOOP_BIN && 'DEFCOOP_BIN is not set');

// Registers the suite's before/after hooks; call it inside describe(). The page and the
// server exist once the hooks have run. emptyStore: serve a store with nothing imported
// (`defcoop init` only, removed afterwards) instead of DEFCOOP_DB.
export function browserSession({ emptyStore: empty = false } = {}) {
  const session = { server: null, browser: null, page: null, foreign: [], pageErrors: [], store: null };

  before(async () => {
    fs.mkdirSync(RESULTS, { recursive: true });
    if (empty) session.store = emptyStore();
    session.server = await startServer(session.store ? { db: session.store.db } : {});
    session.browser = await launch();
    const origin = new URL(session.server.base).origin;
    // Nothing may be fetched from any other host at run time.
    await session.browser.context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
      session.foreign.push(url);
      return route.abort();
    });
    session.page = session.browser.context.pages()[0] || await session.browser.context.newPage();
    session.page.on('pageerror', (error) => session.pageErrors.push(error.message));
  });

  after(async () => {
    await session.browser?.close();
    await session.server?.stop();
    session.store?.remove();
  });

  session.settled = async () => {
    await session.page.waitForSelector('main h1');
    await session.page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 60_000 });
  };
  session.open = async (hash) => {
    await session.page.goto(`${session.server.base}/${hash}`);
    await session.settled();
  };
  session.shoot = async (name, fullPage = true) => {
    await session.page.screenshot({ path: path.join(RESULTS, `${name}.png`), fullPage });
  };
  session.hashOf = () => new URL(session.page.url()).hash;
  return session;
}
