// Issue 10's browser tests: what a lesson needs to hold, each from a fresh
// page, checked through window.digitTrainer.status() (app/status.go and
// session/status.go). Needs `make web` (dist/web).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as e2e from './lib.mjs';

// How long to wait for the autosave to land before a reload (ms).
const AUTOSAVE_WAIT = 15_000;

const ctx = e2e.servedBrowser();

/** A fresh page (empty localStorage) with the app started. */
async function freshApp() {
  const page = await e2e.newPage(ctx.browser);
  const s = await e2e.openApp(page, ctx.server.url);
  return { page, s };
}

/** The app's localStorage, for noticing an autosave. */
function stored(page) {
  return page.evaluate(() => Object.keys(localStorage).sort().map((k) => k + '=' + localStorage.getItem(k).length).join());
}

test('validation drawings stay put through an add and a reload', async () => {
  const { page, s: start } = await freshApp();
  try {
    assert.equal(start.valCount, 60, 'a fifth of the starter set is held out');
    await e2e.drawOne(page);
    await e2e.press(page, '1');
    await e2e.press(page, 'Enter');
    let s = await e2e.waitForStatus(page, (s) => s.total === start.total + 1, e2e.DEFAULT_TIMEOUT, 'the drawing added');
    assert.equal(s.valHash, start.valHash, 'adding a drawing moved no drawing between the sets');
    const before = await stored(page);
    const deadline = Date.now() + AUTOSAVE_WAIT;
    while (Date.now() < deadline && (await stored(page)) === before) await e2e.sleep(200);
    await page.reload({ waitUntil: 'domcontentloaded' });
    s = await e2e.waitForStatus(page, (s) => s.frame > 2 && s.total === start.total + 1, e2e.DEFAULT_TIMEOUT, 'the dataset restored');
    assert.equal(s.valHash, start.valHash, 'the reload kept every drawing on its side');
    assert.equal(s.valCount, start.valCount);
  } finally {
    await page.context().close();
  }
});

test('Train on the starter set stops by itself', async () => {
  const { page } = await freshApp();
  try {
    for (let i = 0; i < 10 && (await e2e.status(page)).pace !== 0; i++) await e2e.press(page, '.');
    assert.equal((await e2e.status(page)).pace, 0, 'full speed');
    await e2e.press(page, 'p');
    // At full speed it may be over before a status is read.
    await e2e.waitForStatus(page, (s) => s.training || s.epoch > 0, e2e.DEFAULT_TIMEOUT, 'training to start');
    const s = await e2e.waitForStatus(page, (s) => !s.training, 120_000, 'training to stop by itself');
    assert.match(s.message, /^Stopped: the validation loss has not improved for 10 epochs/);
    assert.ok(s.epoch > 10 && s.epoch < 100, `stopped after ${s.epoch} epochs`);
  } finally {
    await page.context().close();
  }
});

test('a tour started and left before its update step changes no weight', async () => {
  const { page, s: start } = await freshApp();
  try {
    await e2e.press(page, 't');
    await e2e.waitForStatus(page, (s) => s.tour.active, e2e.DEFAULT_TIMEOUT, 'the tour to start');
    await e2e.press(page, 'ArrowRight'); // use a sample
    await e2e.press(page, 'ArrowRight');
    let s = await e2e.waitForStatus(page, (s) => s.tour.step === 2, e2e.DEFAULT_TIMEOUT, 'step 2');
    assert.equal(s.modelHash, start.modelHash, 'steps 1 and 2 changed the weights');
    await e2e.press(page, 'Escape');
    s = await e2e.waitForStatus(page, (s) => !s.tour.active, e2e.DEFAULT_TIMEOUT, 'the tour to be left');
    assert.equal(s.modelHash, start.modelHash, 'leaving the tour changed the weights');
  } finally {
    await page.context().close();
  }
});

/** A dataset CSV of the given drawings, each { label, pixels: [81 × 0/1] }. */
function csvOf(drawings) {
  const head = ['label', ...Array.from({ length: 81 }, (_, i) => `p${i}`)].join(',');
  return [head, ...drawings.map((d) => [d.label, ...d.pixels].join(','))].join('\n') + '\n';
}

test('a load asks, and Ctrl+Z takes it back', async () => {
  const { page, s: start } = await freshApp();
  try {
    // Two drawings: a bar (new) and the same bar again (a copy, skipped).
    const bar = Array.from({ length: 81 }, (_, i) => (i % 9 === 2 ? 1 : 0));
    const file = { name: 'two-bars.csv', base64: Buffer.from(csvOf([{ label: 1, pixels: bar }, { label: 1, pixels: bar }])).toString('base64') };
    await e2e.dropFiles(page, [file]);
    let s = await e2e.waitForStatus(page, (s) => s.help.question, e2e.DEFAULT_TIMEOUT, 'the load to ask');
    assert.match(s.help.asking, /two-bars\.csv/);
    assert.deepEqual(s.help.choices, ['Replace mine (R)', 'Add to mine (A)', 'Cancel (Esc)']);
    assert.equal(s.dataHash, start.dataHash, 'asking changed the drawings');
    await e2e.waitFrames(page, 2);
    await e2e.screenshot(page, 'lesson-load-asks');

    await e2e.press(page, 'a');
    s = await e2e.waitForStatus(page, (s) => !s.help.open && s.total === start.total + 1, e2e.DEFAULT_TIMEOUT, 'one drawing added');
    assert.match(s.message, /^Added 1 of the 2 drawings in two-bars\.csv \(1 were already here\)/);
    assert.equal(s.modelHash, start.modelHash, 'adding drawings changed the network');
    assert.ok(s.canUndo);

    await e2e.press(page, 'Control+z');
    s = await e2e.waitForStatus(page, (s) => s.total === start.total, e2e.DEFAULT_TIMEOUT, 'the add undone');
    assert.equal(s.dataHash, start.dataHash, 'undo brought back exactly the drawings before');
    assert.match(s.message, /^Undone: adding the drawings of two-bars\.csv/);

    // Replace, then undo: the 300 drawings come back.
    await e2e.dropFiles(page, [file]);
    await e2e.waitForStatus(page, (s) => s.help.question, e2e.DEFAULT_TIMEOUT, 'the load to ask again');
    await e2e.press(page, 'r');
    s = await e2e.waitForStatus(page, (s) => s.total === 2, e2e.DEFAULT_TIMEOUT, 'the drawings replaced by the two of the file');
    await e2e.press(page, 'Control+z');
    s = await e2e.waitForStatus(page, (s) => s.total === start.total, e2e.DEFAULT_TIMEOUT, 'the replace undone');
    assert.equal(s.dataHash, start.dataHash);
    assert.equal(s.valHash, start.valHash, 'undo kept every drawing on its side');
  } finally {
    await page.context().close();
  }
});

test('a drawing added just before a reload is kept', async () => {
  const { page, s: start } = await freshApp();
  try {
    await e2e.drawOne(page);
    await e2e.press(page, '1');
    await e2e.press(page, 'Enter');
    await e2e.waitForStatus(page, (s) => s.total === start.total + 1, e2e.DEFAULT_TIMEOUT, 'the drawing added');
    // At once: the autosave waits 3 s after a change; the page's pagehide saves it.
    await page.reload({ waitUntil: 'domcontentloaded' });
    const s = await e2e.waitForStatus(page, (s) => s.frame > 2, e2e.DEFAULT_TIMEOUT, 'the app after the reload');
    assert.equal(s.total, start.total + 1, 'the drawing added just before the reload was lost');
    assert.equal(s.help.question, false, 'a reload asked as if another tab were open');
    assert.equal(s.autosave, 'on');
  } finally {
    await page.context().close();
  }
});

test('a second tab is warned and does not overwrite the first', async () => {
  const { page: first, s: start } = await freshApp();
  const second = await first.context().newPage(); // the same browser profile: one localStorage
  try {
    await e2e.drawOne(first);
    await e2e.press(first, 'Enter');
    let a = await e2e.waitForStatus(first, (s) => s.total === start.total + 1, e2e.DEFAULT_TIMEOUT, 'the first tab to add a drawing');
    let b = await e2e.openApp(second, ctx.server.url);
    b = await e2e.waitForStatus(second, (s) => s.help.question, e2e.DEFAULT_TIMEOUT, 'the second tab to ask');
    assert.match(b.help.asking, /open in another tab/);
    assert.equal(b.autosave, 'off', 'the second tab autosaves before the user chose');
    await e2e.screenshot(second, 'lesson-second-tab');
    await e2e.press(second, 'w');
    b = await e2e.waitForStatus(second, (s) => s.autosave === 'on', e2e.DEFAULT_TIMEOUT, 'the second tab to take over');
    a = await e2e.waitForStatus(first, (s) => s.autosave === 'off', 20_000, 'the first tab to stop autosaving');
    assert.match(a.message, /opened in another tab/);
  } finally {
    await first.context().close();
  }
});

test('a quick click or tap between two frames still counts', async () => {
  const { page } = await freshApp();
  try {
    // page.mouse.click presses and releases at once: both land between two
    // frames, where Ebiten alone never sees the press (a trackpad's tap).
    let s = await e2e.status(page);
    const [x, y, w, h] = s.rects.tool;
    await page.mouse.click(x + w / 2, y + h / 2);
    s = await e2e.waitForStatus(page, (s) => s.eraser, e2e.DEFAULT_TIMEOUT, 'the quick click to choose the eraser');
  } finally {
    await page.context().close();
  }
  const phone = await ctx.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page2 = await phone.newPage();
  try {
    let s = await e2e.openApp(page2, ctx.server.url);
    assert.equal(s.tab, 'Draw');
    const [x, y, w, h] = s.rects.tabTrain;
    await page2.touchscreen.tap(x + w / 2, y + h / 2);
    s = await e2e.waitForStatus(page2, (s) => s.tab === 'Train', e2e.DEFAULT_TIMEOUT, 'the tap to open the Train tab');
    for (const r of Object.values(s.rects)) {
      assert.ok(r[2] >= 40 && r[3] >= 40 || r === s.rects.grid, `a control of ${r[2]}×${r[3]} CSS px on the phone`);
    }
    await e2e.screenshot(page2, 'lesson-phone-train');
  } finally {
    await phone.close();
  }
});
