// Issue 5's tests: what ships works where it will be used. The served page and the offline
// classroom file load in headless Chromium without any request leaving their origin, the
// loader explains failures instead of showing a blank page, screenshots at three window
// sizes are written for a person to look at, and the desktop build draws under Xvfb.
//
// Inputs (make test sets them; the defaults are the Makefile's outputs):
//   DT_WEB_DIR     dist/web                  (make web)
//   DT_CLASSROOM   dist/digit-trainer.html   (make classroom)
//   DT_DESKTOP     dist/digit-trainer        (make desktop)
//   DT_TRAINER     dist/tools/trainer        (else `go run ./cmd/trainer`)
//   DT_SERVE       dist/tools/serve          (make tools; else lib.mjs builds cmd/serve)

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import * as e2e from './lib.mjs';

const webDir = process.env.DT_WEB_DIR || path.join(e2e.root, 'dist', 'web');
const classroomFile = process.env.DT_CLASSROOM || path.join(e2e.root, 'dist', 'digit-trainer.html');
const desktopBin = process.env.DT_DESKTOP || path.join(e2e.root, 'dist', 'digit-trainer');
const trainerBin = process.env.DT_TRAINER || path.join(e2e.root, 'dist', 'tools', 'trainer');

// A screenshot is "not blank" when its brightness varies (standard deviation on a 0-255
// scale) and it has a few colours. Measured here: a flat fill gives 0 and 1 colour; the
// loading screen (a bar and a line of text) 12 and ~500 colours; the minimal program 33
// and 18; the app 48 and ~5000. The bounds sit between blank and the sparsest real screen.
const MIN_LUMA_STDDEV = 8;
const MIN_COLOURS = 8;

// The window sizes issue 5 asks for; the phone is a touch screen at 2× pixel ratio.
const VIEWPORTS = [
  { name: '800x600', viewport: { width: 800, height: 600 } },
  { name: '1280x800', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
];

// Download speed for the progress test (bytes/s): about a school Wi-Fi shared by a class,
// slow enough that the wasm takes several seconds.
const SLOW_NETWORK_BYTES_PER_SEC = 400_000;

// How long the desktop smoke run may take before it counts as hung (ms): a generous bound
// for DESKTOP_FRAMES frames of software OpenGL on a shared 2-core machine, not a
// performance figure.
const DESKTOP_TIMEOUT = 180_000;
const DESKTOP_FRAMES = 10; // enough to be past start-up and layout; each software-rendered frame is slow

// How long training in the classroom file may take to predict a drawn 1 well (ms); the
// same bound and threshold as app.test.mjs.
const TRAIN_TIMEOUT = 180_000;
const TRAINED_CONFIDENCE = 0.9;

let browser;
before(async () => { browser = await e2e.launchBrowser(); });
after(async () => { await browser?.close(); });

/**
 * A context whose every request is logged (URL), with page errors, console errors and CSP
 * violations collected in page.problems.
 */
async function loggedPage(options = {}, setup = async () => {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  await setup(context);
  const page = await context.newPage();
  e2e.watchFileChoosers(page); // before any pick: see e2e.pickFiles
  page.problems = [];
  page.on('pageerror', (err) => page.problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || /Content Security Policy/i.test(msg.text())) page.problems.push(`console: ${msg.text()}`);
  });
  return { context, page, requests };
}

// How long loading and the first frames may take before the page counts as hung (ms). A
// bound for "never starts", not a speed target: `make perf-web` measures startup against
// the 1.5 s target. Software WebGL on a busy 2-core machine with a 2× phone screen is slow.
const START_TIMEOUT = 180_000;

/** Waits for the loader to hand over to a running app (or fail, which is reported). */
async function waitRunning(page) {
  const handle = await page.waitForFunction(() => {
    const l = window.digitTrainer && window.digitTrainer.loading;
    return l && (l.phase === 'running' || l.phase === 'error') && l;
  }, null, { timeout: START_TIMEOUT, polling: 100 });
  const loading = await handle.jsonValue();
  assert.equal(loading.phase, 'running', `the loader failed: ${loading.error}; problems: ${page.problems.join('\n')}`);
  return loading;
}

/** Waits until the app has drawn a few frames, so a screenshot shows it settled. */
function settled(page) {
  return e2e.waitForStatus(page, (s) => s.frame > 5, START_TIMEOUT, 'a few frames');
}

// A screenshot waits for the page's next frame; a slow software-rendered frame on a shared
// machine can take many seconds, so this is generous (ms).
const SCREENSHOT_TIMEOUT = 120_000;

/** Takes a screenshot and checks it shows something; returns the decoded image. */
async function checkedScreenshot(page, name, { width, height } = {}) {
  mkdirSync(e2e.screenshotDir, { recursive: true });
  const file = path.join(e2e.screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, timeout: SCREENSHOT_TIMEOUT });
  const img = e2e.decodePNG(readFileSync(file));
  if (width) assert.equal(img.width, width, `${name}: width`);
  if (height) assert.equal(img.height, height, `${name}: height`);
  assertNotBlank(img, name);
  return img;
}

describe('the served page', () => {
  let server;
  before(async () => { server = await e2e.startServer({ dir: webDir }); });
  after(() => server?.stop());

  test('loads with a gzipped wasm, a locked-down policy and nothing beyond its origin', async () => {
    const { context, page, requests } = await loggedPage({ viewport: { width: 1280, height: 800 } });
    const wasmHeaders = [];
    page.on('response', (r) => { if (r.url().endsWith('.wasm')) wasmHeaders.push(r.headers()); });
    try {
      await page.goto(server.url);
      const loading = await waitRunning(page);
      await settled(page);

      const origin = new URL(server.url).origin;
      const outside = requests.filter((u) => !u.startsWith(origin + '/') && !/^(data|blob):/.test(u));
      assert.deepEqual(outside, [], 'requests that left the origin');
      assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm was requested');

      assert.equal(wasmHeaders.length, 1, 'one wasm response');
      assert.equal(wasmHeaders[0]['content-type'], 'application/wasm');
      assert.equal(wasmHeaders[0]['content-encoding'], 'gzip', 'cmd/serve sends the precompressed wasm');
      // The progress bar counted decoded bytes against the uncompressed size.
      const wasmSize = statSync(path.join(webDir, 'digit-trainer.wasm')).size;
      assert.equal(loading.total, wasmSize, 'progress total is the uncompressed wasm size');
      assert.equal(loading.loaded, wasmSize, 'progress reached the end');

      const page1 = await page.evaluate(() => {
        const meta = (sel) => document.querySelector(sel)?.getAttribute('content') ?? null;
        const live = document.getElementById('status-live');
        const canvas = document.querySelector('canvas');
        const r = canvas?.getBoundingClientRect();
        return {
          title: document.title,
          description: meta('meta[name="description"]'),
          viewport: meta('meta[name="viewport"]'),
          csp: meta('meta[http-equiv="Content-Security-Policy"]'),
          icon: document.querySelector('link[rel="icon"]')?.getAttribute('href') ?? '',
          live: live && { polite: live.getAttribute('aria-live'), hidden: live.getBoundingClientRect().width <= 1 },
          loaderHidden: document.getElementById('loader').hidden,
          canvas: r && { w: r.width, h: r.height, x: r.left, y: r.top },
          window: { w: innerWidth, h: innerHeight },
        };
      });
      assert.match(page1.title, /Digit Trainer/);
      assert.ok(page1.description && page1.description.length > 40, 'a description');
      assert.ok(!/user-scalable\s*=\s*no|maximum-scale/.test(page1.viewport), `pinch zoom is not blocked: ${page1.viewport}`);
      assert.match(page1.csp, /default-src 'self'/);
      assert.match(page1.csp, /'wasm-unsafe-eval'/);
      assert.ok(!/script-src[^;]*'unsafe-inline'/.test(page1.csp), 'scripts run by hash, not unsafe-inline');
      assert.match(page1.icon, /^data:image\/svg\+xml/);
      assert.deepEqual(page1.live, { polite: 'polite', hidden: true });
      assert.equal(page1.loaderHidden, true, 'the loading screen is gone');
      assert.deepEqual(page1.canvas, { w: page1.window.w, h: page1.window.h, x: 0, y: 0 }, 'the canvas fills the window');
      assert.deepEqual(page.problems, []);
    } finally {
      await context.close();
    }
  });

  for (const v of VIEWPORTS) {
    test(`screenshot at ${v.name}`, async () => {
      const { name, ...options } = v;
      const { context, page } = await loggedPage(options);
      try {
        await page.goto(server.url);
        await waitRunning(page);
        await settled(page);
        const scale = options.deviceScaleFactor || 1;
        await checkedScreenshot(page, `ship-web-${name}`,
          { width: options.viewport.width * scale, height: options.viewport.height * scale });
        assert.deepEqual(page.problems, []);
      } finally {
        await context.close();
      }
    });
  }

  test('the loading screen shows real progress on a slow network', async () => {
    const { context, page } = await loggedPage({ viewport: { width: 800, height: 600 } });
    try {
      // A slow school network: the download takes seconds, so the bar is seen part-way.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions',
        { offline: false, latency: 50, downloadThroughput: SLOW_NETWORK_BYTES_PER_SEC, uploadThroughput: SLOW_NETWORK_BYTES_PER_SEC });
      await page.goto(server.url);
      await page.waitForFunction(() => {
        const l = window.digitTrainer?.loading;
        return l && l.phase === 'downloading' && l.total > 0 && l.loaded > l.total / 10;
      }, null, { timeout: e2e.DEFAULT_TIMEOUT, polling: 50 });
      const bar = await page.evaluate(() => {
        const p = document.getElementById('loader-progress');
        return { value: p.value, max: p.max, position: p.position, detail: document.getElementById('loader-detail').textContent };
      });
      assert.ok(bar.position > 0 && bar.position < 1, `the bar is part-way: ${JSON.stringify(bar)}`);
      assert.match(bar.detail, /^\d+\.\d of \d+\.\d MB$/);
      await checkedScreenshot(page, 'ship-loading');
    } finally {
      await context.close();
    }
  });

  // Each breakage is simulated in the browser; the page must say what is wrong.
  const breakages = [
    {
      name: 'missing-wasm', says: /could not be downloaded \(HTTP 404\)/,
      setup: (ctx) => ctx.route('**/*.wasm', (r) => r.fulfill({ status: 404, body: 'not found' })),
    },
    {
      name: 'damaged-wasm', says: /could not be started/,
      setup: (ctx) => ctx.route('**/*.wasm', (r) => r.fulfill({
        status: 200, contentType: 'application/wasm', body: Buffer.from('\0asm\x01\0\0\0garbage that is not a module'),
      })),
    },
    {
      name: 'no-webassembly', says: /cannot run WebAssembly/,
      setup: (ctx) => ctx.addInitScript(() => { delete globalThis.WebAssembly; }),
    },
    {
      name: 'no-webgl', says: /WebGL 2 is not available/,
      setup: (ctx) => ctx.addInitScript(() => {
        const get = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
          return /webgl/i.test(type) ? null : get.call(this, type, ...rest);
        };
      }),
    },
  ];
  for (const b of breakages) {
    test(`explains a failure instead of a blank page: ${b.name}`, async () => {
      const { context, page } = await loggedPage({ viewport: { width: 800, height: 600 } }, b.setup);
      try {
        await page.goto(server.url);
        const loading = await (await page.waitForFunction(() => {
          const l = window.digitTrainer?.loading;
          return l && l.phase === 'error' && l;
        }, null, { timeout: e2e.DEFAULT_TIMEOUT, polling: 100 })).jsonValue();
        assert.match(loading.error, b.says);
        const shown = await page.evaluate(() => {
          const box = document.getElementById('loader-error');
          return { visible: !box.hidden && box.getBoundingClientRect().height > 0, text: box.innerText };
        });
        assert.ok(shown.visible, 'the message is on screen');
        assert.match(shown.text, b.says);
        assert.match(shown.text, /Try again/, 'a way to retry');
        await checkedScreenshot(page, `ship-error-${b.name}`);
      } finally {
        await context.close();
      }
    });
  }
});

describe('the classroom file', () => {
  let context;
  let page;
  let requests;
  before(async () => {
    assert.ok(existsSync(classroomFile), `${classroomFile} is missing; run "make classroom"`);
    // Only the file itself may load: everything else is refused, and the browser is offline.
    ({ context, page, requests } = await loggedPage({ viewport: { width: 1280, height: 800 } }, async (ctx) => {
      await ctx.route('**/*', (r) => (r.request().url().startsWith('file:') ? r.continue() : r.abort()));
      await ctx.setOffline(true);
    }));
  });
  after(async () => { await context?.close(); });

  test('opens from file:// with the network off and requests nothing else', async () => {
    const url = pathToFileURL(classroomFile).href;
    await page.goto(url);
    const loading = await waitRunning(page);
    await settled(page);
    assert.ok(loading.total > 0 && loading.loaded === loading.total, `unpacked all ${loading.total} bytes`);
    const outside = requests.filter((u) => u !== url && !/^(data|blob):/.test(u));
    assert.deepEqual(outside, [], 'the classroom file requested something besides itself');
    const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content);
    assert.match(csp, /default-src 'none'/);
    assert.ok(!/'self'|script-src[^;]*'unsafe-inline'/.test(csp), `no 'self' or inline scripts by default: ${csp}`);
    await checkedScreenshot(page, 'ship-classroom', { width: 1280, height: 800 });
    assert.deepEqual(page.problems, []);
  });

  test('a student session works offline: draw, train, predict, save, load back', async (t) => {
    let s = await e2e.waitForStatus(page, (s) => s.frame > 2 && s.rects && s.rects.grid, e2e.DEFAULT_TIMEOUT, 'the app');

    // Draw a 1 down column 4 and add it with label 1.
    if (s.ink !== 0) {
      await e2e.press(page, 'c');
      s = await e2e.waitForStatus(page, (s) => s.ink === 0, 10_000, 'an empty grid');
    }
    await e2e.drawOne(page);
    await e2e.press(page, '1');
    const before = await e2e.waitForStatus(page, (s) => s.label === 1, 10_000, 'label 1');
    await e2e.press(page, 'Enter');
    s = await e2e.waitForStatus(page, (s) => s.total === before.total + 1, 10_000, 'the drawing added');

    // Train until the drawn 1 is recognised.
    if (s.ink < 7) await e2e.drawOne(page);
    await e2e.press(page, 'p');
    await e2e.waitForStatus(page, (s) => s.epoch >= 1 && s.probs[1] > TRAINED_CONFIDENCE, TRAIN_TIMEOUT, 'a trained prediction');
    await e2e.press(page, 'p');
    s = await e2e.waitForStatus(page, (s) => !s.training, 10_000, 'training paused');
    assert.ok(s.probs[1] > TRAINED_CONFIDENCE, `prediction ${s.probs}`);
    await checkedScreenshot(page, 'ship-classroom-trained', { width: 1280, height: 800 });

    // Save: a download arrives even offline, and the CLI accepts it.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: e2e.DEFAULT_TIMEOUT }),
      e2e.press(page, 'Control+s'),
    ]);
    const tmp = e2e.tempDir();
    t.after(tmp.cleanup);
    const saved = path.join(tmp.dir, download.suggestedFilename() || 'model.safetensors');
    await download.saveAs(saved);
    const trained = await e2e.status(page);
    const evalArgs = ['eval', '-model', saved, '-data', 'starter'];
    const r = existsSync(trainerBin)
      ? spawnSync(trainerBin, evalArgs, { encoding: 'utf8' })
      : e2e.goRun(['./cmd/trainer', ...evalArgs]);
    assert.equal(r.status, 0, `trainer eval refused the download:\n${r.stdout}\n${r.stderr}`);

    // Reset the weights, then load the saved file back: the trained model returns.
    await e2e.press(page, 'r');
    await e2e.waitForStatus(page, (s) => s.modelHash !== trained.modelHash, 10_000, 'the weights reset');
    await e2e.pickFiles(page, [saved]);
    // The file brings drawings and so do we: it asks; R replaces ours.
    await e2e.waitForStatus(page, (s) => s.help.question, 20_000, 'the load to ask replace or add');
    await e2e.press(page, 'r');
    s = await e2e.waitForStatus(page, (s) => s.modelHash === trained.modelHash, 20_000, 'the saved model loaded back');
    assert.notEqual(s.messageKind, 'error', s.message);
    assert.deepEqual(page.problems, []);
    const outside = requests.filter((u) => !u.startsWith('file:') && !/^(data|blob):/.test(u));
    assert.deepEqual(outside, [], 'nothing left the machine during the session');
  });
});

test('the desktop build starts under Xvfb and draws', { timeout: DESKTOP_TIMEOUT + 30_000 }, async (t) => {
  assert.ok(existsSync(desktopBin), `${desktopBin} is missing; run "make desktop"`);
  const shot = path.join(e2e.screenshotDir, 'ship-desktop.png');
  const config = e2e.tempDir('digit-trainer-desktop-');
  t.after(config.cleanup);
  const args = ['-a', '-s', '-screen 0 1280x1024x24', desktopBin, '-frames', String(DESKTOP_FRAMES), '-screenshot', shot];
  // A fresh config folder: the smoke run neither reads nor writes the user's autosave.
  const env = { ...process.env, XDG_CONFIG_HOME: config.dir, HOME: config.dir };
  const { code, output } = await new Promise((resolve, reject) => {
    // Its own process group, so a hung run is stopped with its Xvfb and app, not only xvfb-run.
    const child = spawn('xvfb-run', args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (b) => { output += b; });
    child.stderr.on('data', (b) => { output += b; });
    const timer = setTimeout(() => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
      reject(new Error(`the desktop run did not finish ${DESKTOP_FRAMES} frames in ${DESKTOP_TIMEOUT / 1000} s:\n${output}`));
    }, DESKTOP_TIMEOUT);
    child.on('error', reject);
    child.on('exit', (code) => { clearTimeout(timer); resolve({ code, output }); });
  });
  assert.equal(code, 0, `the desktop build failed:\n${output}`);
  assert.ok(existsSync(shot), `no screenshot written to ${shot}:\n${output}`);
  assertNotBlank(e2e.decodePNG(readFileSync(shot)), 'desktop screenshot');
});

/** Fails unless the image varies in brightness and has a handful of colours. */
function assertNotBlank(img, name) {
  const { width, height, channels, pixels } = img;
  const n = width * height;
  let sum = 0, sumSq = 0;
  const colours = new Set();
  for (let i = 0; i < n; i++) {
    const p = i * channels;
    const r = pixels[p], g = channels >= 3 ? pixels[p + 1] : r, b = channels >= 3 ? pixels[p + 2] : r;
    const luma = 0.299 * r + 0.587 * g + 0.114 * b;
    sum += luma; sumSq += luma * luma;
    if (colours.size < 4096) colours.add((r << 16) | (g << 8) | b);
  }
  const mean = sum / n;
  const stddev = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
  assert.ok(stddev >= MIN_LUMA_STDDEV, `${name} looks blank: brightness stddev ${stddev.toFixed(1)} < ${MIN_LUMA_STDDEV}`);
  assert.ok(colours.size >= MIN_COLOURS, `${name} looks blank: ${colours.size} colours < ${MIN_COLOURS}`);
}
