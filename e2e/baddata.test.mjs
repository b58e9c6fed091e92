// Issue 13's browser tests: poisoning and finding bad data, and similar
// drawings, each from a fresh page, through window.digitTrainer.status()
// (session/status.go: badData; app/status.go: similar). Needs `make web`.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as e2e from './lib.mjs';

const ctx = e2e.servedBrowser();

/**
 * Trains "Train N epochs" and waits for its end; first sets N = 50 and full
 * speed.
 */
async function train50(page, first) {
  const start = (await e2e.status(page)).epoch;
  if (first) {
    for (let i = 0; i < 3; i++) await e2e.press(page, '.'); // full speed
    for (let i = 0; i < 2; i++) await e2e.clickControl(page, 'setEpochs+'); // 10 → 20 → 50
  }
  await e2e.press(page, 'n');
  return e2e.waitForStatus(page, (s) => !s.training && s.epoch === start + 50, 4 * e2e.DEFAULT_TIMEOUT, '50 epochs');
}

test('poisoning 10% of the labels lowers validation accuracy, the search finds them, Undo takes it back', async () => {
  const page = await e2e.newPage(ctx.browser);
  try {
    const start = await e2e.openApp(page, ctx.server.url);
    const clean = await train50(page, true);
    await e2e.press(page, 'r'); // the same fresh start for the poisoned run
    await e2e.waitForStatus(page, (s) => s.epoch === 0, e2e.DEFAULT_TIMEOUT, 'reset');

    await e2e.press(page, 'q');
    await e2e.press(page, 'd');
    await e2e.waitForStatus(page, (s) => /Bad data/.test(s.help.asking), e2e.DEFAULT_TIMEOUT, 'the bad-data card');
    await e2e.press(page, '1');
    let s = await e2e.waitForStatus(page, (s) => s.badData.poisoned.length === 24, e2e.DEFAULT_TIMEOUT, '24 labels flipped');
    assert.notEqual(s.dataHash, start.dataHash);
    const poisoned = new Set(s.badData.poisoned);
    await e2e.press(page, 'f');
    s = await e2e.waitForStatus(page, (s) => !s.badData.searching && s.badData.suspects.length > 0, 4 * e2e.DEFAULT_TIMEOUT, 'the search');
    const top = s.badData.suspects.slice(0, poisoned.size).filter((x) => poisoned.has(x.index)).length;
    assert.ok(top >= 18, `${top} of the 24 flipped drawings are among the top 24`);
    await e2e.screenshot(page, 'baddata-card');
    await e2e.press(page, 'Escape');

    s = await train50(page, false);
    assert.ok(s.valAcc < clean.valAcc, `validation accuracy ${s.valAcc} with flipped labels, ${clean.valAcc} without`);
    await e2e.press(page, 'Control+z');
    s = await e2e.waitForStatus(page, (s) => s.dataHash === start.dataHash, e2e.DEFAULT_TIMEOUT, 'Undo restores the drawings');
    assert.deepEqual(s.badData.poisoned, []);
  } finally {
    await page.context().close();
  }
});

test('the similar drawings follow the pen', async () => {
  const page = await e2e.newPage(ctx.browser);
  try {
    await e2e.openApp(page, ctx.server.url);
    await e2e.press(page, 'v');
    let s = await e2e.waitForStatus(page, (s) => s.similar && s.similar.byPixels.length === 5, e2e.DEFAULT_TIMEOUT, 'the lists');
    const empty = JSON.stringify(s.similar);
    await e2e.drawOne(page);
    s = await e2e.waitForStatus(page, (s) => s.ink > 0 && JSON.stringify(s.similar) !== empty, e2e.DEFAULT_TIMEOUT, 'the lists after drawing');
    const drawn = JSON.stringify(s.similar);
    const c = await e2e.cellCenter(page, 1, 1, s);
    await e2e.dragThrough(page, [c, await e2e.cellCenter(page, 7, 1, s)]);
    s = await e2e.waitForStatus(page, (s) => JSON.stringify(s.similar) !== drawn, e2e.DEFAULT_TIMEOUT, 'the lists after a stroke more');
    assert.equal(s.similar.byVector.length, 5);
    await e2e.screenshot(page, 'similar-drawings');
  } finally {
    await page.context().close();
  }
});
