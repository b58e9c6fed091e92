// Helpers for Digit Trainer's browser tests: start the page's server, launch
// Debian's Chromium through playwright-core (no browser download), and drive
// the app the way a user does while reading window.digitTrainer.status().
//
// The app is an Ebiten game: it samples input once per frame. A press and
// release that fall between two frames can be missed, so every press here is
// held until status.frame has advanced by at least two.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';

/**
 * Starts the page's server and the browser before a test file's tests and
 * stops them after; the returned object's server and browser are set once
 * the tests run.
 */
export function servedBrowser() {
  const ctx = { server: null, browser: null };
  before(async () => {
    ctx.server = await startServer();
    ctx.browser = await launchBrowser();
  });
  after(async () => {
    await ctx.browser?.close();
    ctx.server?.stop();
  });
  return ctx;
}

/** The repository root (the folder above e2e/). */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The original app's files, shared between projects. */
export const fixturesDir = path.resolve(root, '..', 'shared', 'fixtures', 'bdt');

/** Where screenshots go: $SCREENSHOT_DIR, else out/screenshots, relative to the repo root. */
export const screenshotDir = path.resolve(root, process.env.SCREENSHOT_DIR || 'out/screenshots');

/** Frames a key or mouse button is held: Ebiten must see it down in at least one Update. */
export const HOLD_FRAMES = 2;

/**
 * How long one wait for the app may take before the test fails (ms):
 * $E2E_TIMEOUT_MS, default 60 s. Generous because SwiftShader on a busy
 * machine can take seconds per frame; it bounds a wait, never a measurement.
 */
export const DEFAULT_TIMEOUT = Number(process.env.E2E_TIMEOUT_MS) || 60_000;

const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

// Flags for a headless, offline, software-rendered Chromium: SwiftShader gives
// WebGL without a GPU; the rest stop background traffic that could slow or
// disturb a test.
const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launches Chromium. Close it with browser.close(). */
export async function launchBrowser() {
  if (!existsSync(chromiumPath)) {
    throw new Error(`e2e: no Chromium at ${chromiumPath}; install the Debian package "chromium" (make test does)`);
  }
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

/**
 * Opens a page in a fresh context (empty localStorage) that accepts
 * downloads, in a browser set to locale (navigator.languages). Page errors
 * and console errors are collected in page.problems.
 */
export async function newPage(browser, { width = 1280, height = 800, locale = 'en-US' } = {}) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width, height }, locale });
  const page = await context.newPage();
  // Navigation and screenshots wait for the GPU too; under SwiftShader on a
  // busy machine Playwright's 30 s default is too short.
  page.setDefaultTimeout(DEFAULT_TIMEOUT);
  watchFileChoosers(page);
  page.problems = [];
  page.on('pageerror', (err) => page.problems.push(`pageerror: ${err.message}`));
  page.recent = []; // the last console lines of any kind, for failure messages
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push(`console: ${msg.text()}`);
    page.recent = [...page.recent.slice(-9), `${msg.type()}: ${msg.text()}`];
  });
  return page;
}

/** Makes a temporary folder removed by the returned cleanup function. */
export function tempDir(prefix = 'digit-trainer-e2e-') {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts cmd/serve on a free loopback port serving dir ($DT_WEB_DIR, else
 * dist/web made by `make web`). Returns { url, stop }.
 */
export async function startServer({ dir = process.env.DT_WEB_DIR || path.join(root, 'dist', 'web') } = {}) {
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`e2e: ${dir}/index.html is missing; run "make web" first`);
  }
  const bin = serveBinary();
  const child = spawn(bin.exe, ['-addr', '127.0.0.1:0', '-dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () => {
    if (child.exitCode === null) child.kill();
    bin.cleanup();
  };
  try {
    // serve prints "Serving DIR at http://HOST:PORT/ (Ctrl+C to stop)".
    const url = await new Promise((resolve, reject) => {
      let out = '';
      let errText = '';
      child.stdout.on('data', (b) => {
        out += b;
        const m = out.match(/(http:\/\/[^\s]+\/)/);
        if (m) resolve(m[1]);
      });
      child.stderr.on('data', (b) => { errText += b; });
      child.on('exit', (code) => reject(new Error(`e2e: serve exited (${code}) before listening:\n${errText}`)));
      child.on('error', reject);
    });
    return { url, stop };
  } catch (err) {
    stop();
    throw err;
  }
}

/**
 * The cmd/serve binary to run: $DT_SERVE (`make tools` builds it; make test
 * passes it), else cmd/serve built into a temporary folder, so a suite run on
 * its own needs no make. A binary rather than `go run`, so that stopping it
 * stops the server itself, not only the go command. Returns { exe, cleanup }.
 */
function serveBinary() {
  if (process.env.DT_SERVE) return { exe: process.env.DT_SERVE, cleanup: () => {} };
  const bin = tempDir('digit-trainer-serve-');
  const exe = path.join(bin.dir, process.platform === 'win32' ? 'serve.exe' : 'serve');
  const build = spawnSync('go', ['build', '-o', exe, './cmd/serve'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) {
    bin.cleanup();
    throw new Error(`e2e: building cmd/serve failed:\n${build.stderr}`);
  }
  return { exe, cleanup: bin.cleanup };
}

/**
 * Starts the server (startServer), launches Chromium and opens one fresh page
 * (newPage): the setup of the suites that drive a single page of the served
 * app, so each of them need not start and stop the three by hand. close()
 * closes the browser and stops the server. If a step fails part-way, what was
 * already started is stopped before the error is thrown, so no server outlives
 * the suite. Returns { server, browser, page, close }.
 */
export async function openServedPage() {
  let server;
  let browser;
  const close = async () => {
    try {
      await browser?.close();
    } finally {
      server?.stop();
    }
  };
  try {
    server = await startServer();
    browser = await launchBrowser();
    return { server, browser, page: await newPage(browser), close };
  } catch (err) {
    await close().catch(() => {}); // the setup error is the one to report
    throw err;
  }
}

/** Returns the app's status object, or null before the app published one. */
export async function status(page) {
  return page.evaluate(() => {
    const dt = window.digitTrainer;
    return dt && typeof dt.status === 'function' ? dt.status() : null;
  });
}

/**
 * Polls status until predicate(status) is true and returns that status.
 * On timeout it throws, naming what was awaited and showing the last status.
 */
export async function waitForStatus(page, predicate, timeoutMs = DEFAULT_TIMEOUT, what = predicate.toString()) {
  const deadline = Date.now() + timeoutMs;
  let last = null;
  for (;;) {
    last = await status(page);
    if (last && predicate(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(`e2e: timed out waiting for ${what}\nlast status: ${summary(last)}` +
        (page.problems?.length ? `\npage problems:\n${page.problems.join('\n')}` : ''));
    }
    await sleep(50);
  }
}

/** A short description of a status for failure messages. */
export function summary(s) {
  if (!s) return 'none (window.digitTrainer.status() missing)';
  const { rects, ...rest } = s;
  return JSON.stringify(rest);
}

/** Waits until the app has drawn n more frames and returns the status then. */
export async function waitFrames(page, n = 1, timeoutMs = DEFAULT_TIMEOUT) {
  const start = (await waitForStatus(page, () => true, timeoutMs, 'a status')).frame;
  return waitForStatus(page, (s) => s.frame >= start + n, timeoutMs, `${n} frames after frame ${start}`);
}

/** Loads url and waits for the app's first frames. */
export async function openApp(page, url) {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return waitForStatus(page, (s) => s.frame > 2 && s.rects && s.rects.grid, DEFAULT_TIMEOUT, 'the app to start');
}

/**
 * The canvas's top-left corner in page CSS pixels. status.rects are taken as
 * CSS pixels relative to the canvas; when the canvas fills the page at (0, 0),
 * as in index.html, this is (0, 0).
 */
async function canvasOrigin(page) {
  return page.evaluate(() => {
    const c = document.querySelector('canvas');
    if (!c) return { x: 0, y: 0 };
    const r = c.getBoundingClientRect();
    return { x: r.left, y: r.top };
  });
}

/** The centre of grid cell (col, row), 0-based from the top left, in page CSS pixels. */
export async function cellCenter(page, col, row, s) {
  s = s || (await status(page));
  const [x, y, w, h] = s.rects.grid;
  const o = await canvasOrigin(page);
  return { x: o.x + x + ((col + 0.5) * w) / 9, y: o.y + y + ((row + 0.5) * h) / 9 };
}

/**
 * Drags the mouse through points (page CSS pixels) with the button down,
 * letting a frame pass at each point so the app sees every one.
 */
export async function dragThrough(page, points, { button = 'left' } = {}) {
  await page.mouse.move(points[0].x, points[0].y);
  await waitFrames(page, 1);
  await page.mouse.down({ button });
  await waitFrames(page, HOLD_FRAMES);
  for (const p of points.slice(1)) {
    await page.mouse.move(p.x, p.y, { steps: 4 });
    await waitFrames(page, 1);
  }
  await waitFrames(page, 1);
  await page.mouse.up({ button });
  return waitFrames(page, 1);
}

/**
 * Draws a "1" the way a user does, a vertical stroke down grid column 4
 * from row 1 to row 7, and returns the status once the grid holds its 7
 * pixels.
 */
export async function drawOne(page) {
  const s = await status(page);
  const points = [];
  for (let row = 1; row <= 7; row++) points.push(await cellCenter(page, 4, row, s));
  await dragThrough(page, points);
  return waitForStatus(page, (s) => s.ink >= 7, 10_000, 'the stroke to set 7 pixels');
}

/**
 * Clicks the control named name in status().rects (a button, or a stepper's
 * "setLR-" / "setLR+"), holding the button HOLD_FRAMES frames as a user does.
 */
export async function clickControl(page, name) {
  const s = await status(page);
  const r = s.rects[name];
  if (!r) throw new Error(`e2e: no control ${name} on screen (${Object.keys(s.rects).join(', ')})`);
  const o = await canvasOrigin(page);
  await page.mouse.move(o.x + r[0] + r[2] / 2, o.y + r[1] + r[3] / 2);
  await waitFrames(page, 1);
  await page.mouse.down();
  await waitFrames(page, HOLD_FRAMES);
  await page.mouse.up();
  return waitFrames(page, 1);
}

/** Presses a key (Playwright name, e.g. "Enter", "Control+s"), held HOLD_FRAMES frames. */
export async function press(page, key) {
  const parts = key.split('+');
  for (const k of parts) await page.keyboard.down(k);
  await waitFrames(page, HOLD_FRAMES);
  for (const k of parts.reverse()) await page.keyboard.up(k);
  return waitFrames(page, 1);
}

/**
 * Saves a screenshot as SCREENSHOT_DIR/name.png and returns its path, or ""
 * when the browser could not take one in time: screenshots document a run,
 * they are not what it checks, so a slow one only prints a warning.
 */
export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  try {
    await page.screenshot({ path: file, timeout: 2 * DEFAULT_TIMEOUT });
    return file;
  } catch (err) {
    console.warn(`e2e: no screenshot ${name}: ${err.message.split('\n')[0]}`);
    return '';
  }
}

/** Runs a Go command in the repository root: { status, stdout, stderr }. */
export function goRun(args) {
  const r = spawnSync('go', ['run', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 16 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Drops files on the page as a user would, through a DataTransfer dispatched
 * as dragenter/dragover/drop on the canvas. Each file is
 * { name, base64 } or { name, size } (size zero bytes, made in the page, for
 * files too big to pass in).
 */
export async function dropFiles(page, files) {
  const dt = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) {
      let bytes;
      if (f.base64 !== undefined) {
        const bin = atob(f.base64);
        bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      } else {
        bytes = new Uint8Array(f.size);
      }
      dt.items.add(new File([bytes], f.name));
    }
    return dt;
  }, files);
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent('canvas', type, { dataTransfer: dt });
  }
  await dt.dispose();
}

/**
 * Opens the file picker by pressing key (O by default) and chooses the given
 * paths in it. Fails if no picker opens: the app must call
 * platform.OpenFilePicker within the key press's user activation.
 *
 * The page keeps one "filechooser" listener for good (watchFileChoosers):
 * with a listener per call, Playwright switched Chromium's file-chooser
 * interception off after each pick and on again before the next (without
 * waiting for it), and a press could reach the page first; that picker then
 * opened as a real, invisible dialog and the test waited in vain (about
 * every other `make test` here). One retry remains, said on stderr with
 * what the page showed, for anything else.
 */
export async function pickFiles(page, paths, key = 'o') {
  const next = watchFileChoosers(page);
  for (let attempt = 1; ; attempt++) {
    const wait = attempt === 1 ? PICKER_RETRY_MS : DEFAULT_TIMEOUT;
    const chooser = next(wait);
    chooser.catch(() => {}); // awaited below; this keeps an early timeout from counting as unhandled
    await press(page, key);
    try {
      await (await chooser).setFiles(paths);
      return;
    } catch (e) {
      if (attempt > 1 || !(e instanceof PickerTimeout)) throw e;
      const s = summary(await status(page));
      const dom = await page.evaluate(() => ({
        focus: document.activeElement ? document.activeElement.tagName : 'none',
        inputs: document.querySelectorAll('input[type=file]').length,
      }));
      console.error(`e2e: pressing ${key} opened no file picker within ${wait} ms (focus on ${dom.focus}, ` +
        `${dom.inputs} file inputs in the page; ${s}; console: ${JSON.stringify(page.recent || [])}); pressing it again`);
    }
  }
}

/** How long pickFiles waits for the first press's picker before pressing again (ms). */
const PICKER_RETRY_MS = 20_000;

class PickerTimeout extends Error {}

/**
 * watchFileChoosers installs the page's one "filechooser" listener, which
 * keeps Chromium's file-chooser interception on, and returns
 * next(timeoutMs): a promise of the next file chooser to open. Call it when
 * the page is made (newPage does), well before the first pick.
 */
export function watchFileChoosers(page) {
  if (!page.nextChooser) {
    const waiting = [];
    page.on('filechooser', (c) => {
      const w = waiting.shift();
      if (w) w(c);
    });
    page.nextChooser = (ms) => new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(done), 1);
        reject(new PickerTimeout(`no file picker opened within ${ms} ms`));
      }, ms);
      const done = (c) => { clearTimeout(timer); resolve(c); };
      waiting.push(done);
    });
  }
  return page.nextChooser;
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

// ---- bad files: what a user might load by mistake ----

/** Parses a safetensors file: { header, dataStart }. */
function parseSafetensors(b) {
  const n = Number(b.readBigUInt64LE(0));
  return { header: JSON.parse(b.subarray(8, 8 + n).toString('utf8')), dataStart: 8 + n };
}

/** Writes a safetensors file from a header and the data bytes. */
function buildSafetensors(header, data) {
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (json.length % 8)) % 8); // the format pads the header with spaces
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(Buffer.byteLength(json)));
  return Buffer.concat([len, Buffer.from(json), data]);
}

/** The tensors of a header, by name (without __metadata__). */
function tensors(header) {
  return Object.entries(header).filter(([k]) => k !== '__metadata__');
}

/** A fixed pseudo-random byte sequence (xorshift32), the same on every run. */
function randomBytes(n, seed = 12345) {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    b[i] = x & 0xff;
  }
  return b;
}

/**
 * The bad files: broken versions of the checkpoint the app saved (so the
 * test does not depend on the tensor names), a broken original-app
 * checkpoint, and files that are not checkpoints at all. says, when set, is
 * what the message must mention.
 */
export function badFiles(checkpoint) {
  const { header, dataStart } = parseSafetensors(checkpoint);
  const data = checkpoint.subarray(dataStart);

  // Wrong shapes: the first matrix transposed ([24, 81] → [81, 24]); the
  // byte count still matches, so only a shape check catches it.
  const isFloat = (v) => v.dtype === 'F32' || v.dtype === 'F64';
  const [matName, mat] = tensors(header).find(([, v]) => isFloat(v) && v.shape.length === 2 && v.shape[0] !== v.shape[1]);
  // The checksum is dropped (it is optional) so the shape check, not the
  // checksum, has to catch it; the same for the NaN.
  const wrongShape = withoutChecksum(header);
  wrongShape[matName].shape = [...mat.shape].reverse();

  // NaN weights: the first float of the first float tensor.
  const [, flt] = tensors(header).find(([, v]) => isFloat(v));
  const nan = Buffer.from(data);
  if (flt.dtype === 'F32') nan.writeFloatLE(NaN, flt.data_offsets[0]);
  else nan.writeDoubleLE(NaN, flt.data_offsets[0]);

  const bdt = JSON.parse(readFileSync(path.join(fixturesDir, 'checkpoint-20-epoch.json'), 'utf8'));
  bdt.params.weights[3].pop(); // one hidden neuron with 80 weights

  return [
    { name: 'truncated.safetensors', bytes: checkpoint.subarray(0, Math.floor(checkpoint.length / 2)) },
    { name: 'wrong-shape.safetensors', bytes: buildSafetensors(wrongShape, data) },
    { name: 'nan.safetensors', bytes: buildSafetensors(withoutChecksum(header), nan) },
    { name: 'nan-checksummed.safetensors', bytes: buildSafetensors(header, nan) },
    { name: 'wrong-shape-original.json', bytes: Buffer.from(JSON.stringify(bdt)) },
    { name: 'random.bin', bytes: randomBytes(4096) },
    { name: 'empty.json', bytes: Buffer.alloc(0) },
    { name: 'digit-trainer-big.bin', bytes: Buffer.alloc(50 << 20), says: /50 MB/ },
  ];
}

/** A copy of a safetensors header without its checksum. */
function withoutChecksum(header) {
  const h = structuredClone(header);
  if (h.__metadata__) delete h.__metadata__.checksum;
  return h;
}

/**
 * Decodes an 8-bit, non-interlaced PNG into { width, height, channels, pixels }: enough for
 * Chromium's and Go's screenshots.
 */
export function decodePNG(buf) {
  assert.equal(buf.subarray(0, 8).toString('latin1'), '\x89PNG\r\n\x1a\n', 'a PNG signature');
  let off = 8;
  let width = 0, height = 0, depth = 0, type = 0, interlace = 0, palette = null;
  const idat = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const kind = buf.toString('latin1', off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    if (kind === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      depth = data[8]; type = data[9]; interlace = data[12];
    } else if (kind === 'PLTE') palette = data;
    else if (kind === 'IDAT') idat.push(data);
    else if (kind === 'IEND') break;
    off += 12 + len;
  }
  const channelsOf = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
  assert.ok(depth === 8 && interlace === 0 && type in channelsOf, `unsupported PNG: depth ${depth} type ${type} interlace ${interlace}`);
  const bpp = channelsOf[type];
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = out.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? out.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? cur[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
      let v = line[i];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      cur[i] = v & 0xff;
    }
  }
  if (type === 3) { // expand the palette to RGB
    const rgb = Buffer.alloc(width * height * 3);
    for (let i = 0; i < width * height; i++) palette.copy(rgb, i * 3, out[i] * 3, out[i] * 3 + 3);
    return { width, height, channels: 3, pixels: rgb };
  }
  return { width, height, channels: bpp, pixels: out };
}
