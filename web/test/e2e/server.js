// Starts the real `defcoop serve` on a free loopback port for the browser tests and
// stops it afterwards. DEFCOOP_BIN is the defcoop binary, DEFCOOP_DB a prepared store
// (init + one SIPRI register imported, and the DCAD and GSDB when available); the
// dashboard is web/dist. emptyStore() makes a store with nothing imported.
// DEFCOOP_WEB_URL instead points the tests at a server that is already running.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');
const READY_TIMEOUT_MS = 30_000;
const POLL_MS = 200;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitReady(base, child, log) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`defcoop serve exited with ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${base}/api/v1/vintages`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`defcoop serve did not answer on ${base} within ${READY_TIMEOUT_MS} ms:\n${log()}`);
}

// A store with nothing imported (`defcoop init` only) in a new temporary folder:
// {db, remove()}. Needs DEFCOOP_BIN.
export function emptyStore() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'defcoop-empty-'));
  const db = path.join(dir, 'empty.db');
  execFileSync(process.env.DEFCOOP_BIN, ['--db', db, 'init'], { stdio: 'ignore' });
  return { db, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

// Returns {base, stop()}. db: the store to serve (default DEFCOOP_DB).
export async function startServer({ db = process.env.DEFCOOP_DB } = {}) {
  if (process.env.DEFCOOP_WEB_URL) {
    const base = process.env.DEFCOOP_WEB_URL.replace(/\/$/, '');
    await waitReady(base, null, () => '');
    return { base, stop: async () => {} };
  }
  const bin = process.env.DEFCOOP_BIN;
  if (!bin || !db) throw new Error('set DEFCOOP_BIN (the defcoop binary) and DEFCOOP_DB (a prepared store), or DEFCOOP_WEB_URL');
  const port = await freePort();
  let output = '';
  const child = spawn(bin, ['--db', db, 'serve', '--port', String(port), '--web', WEB_DIST], {
    stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DEFCOOP_DB: db },
  });
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitReady(base, child, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
  return { base, stop };
}
