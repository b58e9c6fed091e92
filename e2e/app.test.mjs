// Issue 3's browser test: a student's session in headless Chromium, driven
// with the mouse and keyboard and checked through window.digitTrainer.status()
// (its fields: app/status.go and session/status.go). Needs `make web` (dist/web).
//
// The steps share one page and run in order; after a failed step the rest
// are skipped, since each builds on the one before.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import * as e2e from './lib.mjs';

// The original app's softmax outputs for the first sample of its training
// set under checkpoint-20-epoch.json (fixtures/bdt/README.md), compared to
// two decimals: the app computes in float64 like the original, so only the
// README's rounding to six places separates them.
const FIXTURE_PROBS = [0.969196, 0.030804];
const PROB_TOLERANCE = 0.005;

// The prediction a trained network must give a drawn 1 (issue 3).
const TRAINED_CONFIDENCE = 0.9;

// How long training may take to reach TRAINED_CONFIDENCE (ms): the starter
// set needs a few epochs, well under a second at the required 100k samples/s,
// but SwiftShader on a shared 2-core machine is slow.
const TRAIN_TIMEOUT = 180_000;

// How long to wait for the autosave (written 3 s after the last change)
// to land in localStorage before reloading (ms).
const AUTOSAVE_WAIT = 15_000;

let server;
let page;
let close;
let tmp;
const shared = {}; // results one step hands to the next

before(async () => {
  tmp = e2e.tempDir();
  ({ server, page, close } = await e2e.openServedPage());
});

after(async () => {
  await close?.();
  tmp?.cleanup();
  console.log(`screenshots: ${e2e.screenshotDir}`);
});

let failed = false;
// step runs fn as a subtest unless an earlier step failed.
async function step(t, name, fn) {
  await t.test(name, { skip: failed && 'an earlier step failed' }, async () => {
    try {
      await fn();
    } catch (err) {
      failed = true;
      await e2e.screenshot(page, `failed-${name.replace(/\W+/g, '-')}`).catch(() => {});
      throw err;
    }
  });
}

/** Clears the grid with the C key. */
async function clearGrid() {
  await e2e.press(page, 'c');
  return e2e.waitForStatus(page, (s) => s.ink === 0, 10_000, 'an empty grid');
}

/** The localStorage entries of the app, for noticing an autosave. */
async function storedState() {
  return page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('digit-trainer:')).sort()
      .map((k) => k + '=' + localStorage.getItem(k)).join('\n'));
}

test('a student draws, trains, saves, reloads and loads files', { timeout: 40 * e2e.DEFAULT_TIMEOUT }, async (t) => {
  await step(t, 'the page starts', async () => {
    const s = await e2e.openApp(page, server.url);
    assert.ok(s.total > 0, 'the starter set is there on first start');
    assert.equal(s.classes, 2);
    assert.equal(s.messageKind === 'error', false, `no error at start: ${s.message}`);
    const live = await page.evaluate(() => {
      const el = document.getElementById('status-live');
      return el && { polite: el.getAttribute('aria-live'), text: el.textContent };
    });
    assert.ok(live, 'the page has an element id=status-live');
    assert.equal(live.polite, 'polite');
    await e2e.screenshot(page, '01-start');
  });

  await step(t, 'draw a 1 with the mouse, label it 1 and add it', async () => {
    let s = await e2e.status(page);
    if (s.ink !== 0) await clearGrid();
    await e2e.drawOne(page);
    await e2e.press(page, '1');
    s = await e2e.waitForStatus(page, (s) => s.label === 1, 10_000, 'label 1 selected');
    const before = s;
    await e2e.press(page, 'Enter');
    s = await e2e.waitForStatus(page, (s) => s.total === before.total + 1, 10_000, 'the drawing added');
    assert.equal(s.counts[1], before.counts[1] + 1, 'the new sample counts as a 1');
    assert.notEqual(s.dataHash, before.dataHash, 'dataHash changes with the dataset');
    await e2e.screenshot(page, '02-added-a-one');
  });

  await step(t, 'train until a drawn 1 is predicted above 0.9', async () => {
    let s = await e2e.status(page);
    if (s.ink < 7) await e2e.drawOne(page); // the app may clear the grid after adding
    const start = await e2e.status(page);
    await e2e.press(page, 'p');
    await e2e.waitForStatus(page, (s) => s.training || s.epoch > start.epoch, 10_000, 'training to start');
    await e2e.waitForStatus(page, (s) => s.epoch >= start.epoch + 1 && s.probs[1] > TRAINED_CONFIDENCE,
      TRAIN_TIMEOUT, `probs[1] > ${TRAINED_CONFIDENCE}`);
    await e2e.screenshot(page, '03-training');
    await e2e.press(page, 'p');
    s = await e2e.waitForStatus(page, (s) => !s.training, 10_000, 'training to pause');
    assert.ok(s.probs[1] > TRAINED_CONFIDENCE, `prediction for the drawn 1: ${s.probs}`);
    assert.ok(s.seen > start.seen, 'samples were seen');
    assert.ok(s.loss !== null && Number.isFinite(s.loss), `loss is a number: ${s.loss}`);
    await e2e.screenshot(page, '04-trained');
  });

  await step(t, 'Ctrl+S downloads a checkpoint that trainer eval accepts', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: e2e.DEFAULT_TIMEOUT }),
      e2e.press(page, 'Control+s'),
    ]);
    const file = path.join(tmp.dir, download.suggestedFilename() || 'model.safetensors');
    await download.saveAs(file);
    shared.checkpoint = readFileSync(file);
    assert.ok(shared.checkpoint.length > 8, 'the download has content');
    const r = e2e.goRun(['./cmd/trainer', 'eval', '-model', file, '-data', 'starter']);
    assert.equal(r.status, 0, `trainer eval failed:\n${r.stdout}\n${r.stderr}`);
    const s = await e2e.status(page);
    assert.notEqual(s.messageKind, 'error', `saving reported an error: ${s.message}`);
  });

  await step(t, 'a reload restores the dataset', async () => {
    const before = await e2e.status(page);
    // The autosave lands a few seconds after the last change (pausing the
    // training). If it landed already, the wait ends at AUTOSAVE_WAIT and the
    // reload still finds it.
    const stored = await storedState();
    const deadline = Date.now() + AUTOSAVE_WAIT;
    while (Date.now() < deadline && (await storedState()) === stored) await e2e.sleep(200);
    assert.notEqual(await storedState(), '', 'the app autosaved into localStorage');
    await page.reload({ waitUntil: 'domcontentloaded' });
    const s = await e2e.waitForStatus(page,
      (s) => s.frame > 2 && s.total === before.total && s.dataHash === before.dataHash,
      e2e.DEFAULT_TIMEOUT, `dataset restored (total ${before.total}, dataHash ${before.dataHash})`);
    assert.deepEqual(s.counts, before.counts);
    await e2e.screenshot(page, '05-reloaded');
  });

  await step(t, "the original app's checkpoint loads through the file picker", async () => {
    const before = await e2e.status(page);
    await e2e.pickFiles(page, [path.join(e2e.fixturesDir, 'checkpoint-20-epoch.json')]);
    let s = await e2e.waitForStatus(page, (s) => s.modelHash !== before.modelHash, 20_000, 'the fixture model loaded');
    assert.notEqual(s.messageKind, 'error', s.message);
    assert.equal(s.hidden, 24);

    // Draw the fixture's first sample cell by cell; the original app gave it
    // FIXTURE_PROBS.
    const sample = JSON.parse(readFileSync(path.join(e2e.fixturesDir, 'training-set.json'), 'utf8'))[0];
    await clearGrid();
    s = await e2e.status(page);
    const ink = sample.input.reduce((a, b) => a + b, 0);
    for (const run of inkRuns(sample.input)) {
      const points = [];
      for (let col = run.from; col <= run.to; col++) points.push(await e2e.cellCenter(page, col, run.row, s));
      await e2e.dragThrough(page, points); // one cell: a click
    }
    s = await e2e.waitForStatus(page, (s) => s.ink === ink, 10_000, `${ink} pixels on the grid`);
    for (let c = 0; c < 2; c++) {
      assert.ok(Math.abs(s.probs[c] - FIXTURE_PROBS[c]) < PROB_TOLERANCE,
        `probs ${s.probs} differ from the original app's ${FIXTURE_PROBS}`);
    }
    await e2e.screenshot(page, '06-fixture-loaded');
  });

  await step(t, 'bad files, picked or dropped, give an error and change nothing', async () => {
    const bad = e2e.badFiles(shared.checkpoint);
    for (const how of ['pick', 'drop']) {
      for (const f of bad) {
        const name = `${how}-${f.name}`;
        const before = await e2e.status(page);
        if (how === 'pick') {
          const file = path.join(tmp.dir, name);
          writeFileSync(file, f.bytes);
          await e2e.pickFiles(page, [file]);
        } else if (f.bytes.length > 1 << 20) {
          await e2e.dropFiles(page, [{ name, size: f.bytes.length }]); // zeros, made in the page
        } else {
          await e2e.dropFiles(page, [{ name, base64: f.bytes.toString('base64') }]);
        }
        // The app names the file in its message; every attempt has its own
        // name, so this waits for this attempt's answer.
        const s = await e2e.waitForStatus(page, (s) => s.message.includes(name), 20_000, `a message about ${name}`);
        assert.equal(s.messageKind, 'error', `${name}: ${s.message}`);
        assert.equal(s.modelHash, before.modelHash, `${name} changed the model`);
        assert.equal(s.dataHash, before.dataHash, `${name} changed the dataset`);
        assert.equal(s.total, before.total, `${name} changed the dataset`);
        if (f.says) assert.match(s.message, f.says, `${name}: ${s.message}`);
      }
    }
    await e2e.screenshot(page, '07-after-bad-files');
    const s = await e2e.status(page);
    assert.ok(s.probs.every(Number.isFinite), 'no NaN reached the prediction');
  });

  await step(t, 'the page reported no errors', async () => {
    const problems = page.problems.filter((p) => !/favicon|404/.test(p));
    assert.deepEqual(problems, []);
  });
});

/** The horizontal runs of set pixels of a 9×9 sample: [{ row, from, to }]. */
function inkRuns(pixels) {
  const runs = [];
  for (let row = 0; row < 9; row++) {
    for (let col = 0; col < 9; col++) {
      if (!pixels[row * 9 + col]) continue;
      const from = col;
      while (col + 1 < 9 && pixels[row * 9 + col + 1]) col++;
      runs.push({ row, from, to: col });
    }
  }
  return runs;
}
