// Issue 12's browser tests: the talk's experiments run in the page while it
// stays responsive, and their numbers are the user's own. Checked through
// window.digitTrainer.status() (session/status.go: sweep, bias). Needs
// `make web` (dist/web).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as e2e from './lib.mjs';

const ctx = e2e.servedBrowser();

test('the hidden-size sweep runs to the end with frames coming, and its H = 24 row is the user\'s own run', async () => {
  const page = await e2e.newPage(ctx.browser);
  try {
    await e2e.openApp(page, ctx.server.url);
    await e2e.clickControl(page, 'setEpochs+'); // "Train N epochs": 10 → 20, a sweep long enough to watch frames during
    let s = await e2e.waitForStatus(page, (s) => s.message.length > 0 && s.rects, e2e.DEFAULT_TIMEOUT, 'the setting');
    await e2e.clickControl(page, 'experiments');
    await e2e.waitForStatus(page, (s) => s.help.question && /Experiments/.test(s.help.asking), e2e.DEFAULT_TIMEOUT, 'the list');
    await e2e.press(page, 'n');
    await e2e.waitForStatus(page, (s) => /How many neurons/.test(s.help.asking), e2e.DEFAULT_TIMEOUT, 'the sweep card');
    const mine = (await e2e.status(page)).modelHash;
    const before = await e2e.status(page);
    const draws0 = before.draws;
    const t0 = Date.now();
    await e2e.press(page, 's');
    s = await e2e.waitForStatus(page, (s) => s.sweep.running || s.sweep.rows.length > 0, e2e.DEFAULT_TIMEOUT, 'the sweep started');
    s = await e2e.waitForStatus(page, (s) => !s.sweep.running && s.sweep.rows.length === 8, 6 * e2e.DEFAULT_TIMEOUT, 'the sweep done');
    const fps = (s.draws - draws0) / ((Date.now() - t0) / 1000);
    assert.ok(fps >= 5, `frames kept coming while the sweep ran (${fps.toFixed(1)} a second)`);
    assert.equal(s.modelHash, mine, 'the user\'s network was not touched');
    assert.match(s.message, /Sweep done: best/);
    await e2e.screenshot(page, 'experiments-sweep');
    const row = s.sweep.rows.find((r) => r.hidden === 24);
    assert.equal(row.params, 2018);

    await e2e.press(page, 'Escape');
    await e2e.press(page, 'r'); // fresh weights from the same seed
    for (let i = 0; i < 3; i++) await e2e.press(page, '.'); // full speed: the pace changes no weight
    await e2e.press(page, 'n'); // Train N epochs (20)
    s = await e2e.waitForStatus(page, (s) => !s.training && s.epoch === 20, 4 * e2e.DEFAULT_TIMEOUT, 'the user\'s own 20 epochs');
    assert.equal(s.trainAcc, row.trainAcc, 'training accuracy: the user\'s run and the sweep\'s row agree');
    assert.equal(s.valAcc, row.valAcc, 'validation accuracy agrees');
    assert.equal(s.loss, row.trainLoss, 'training loss agrees to the last bit');
  } finally {
    await page.context().close();
  }
});

test('biased data: with a tenth of the 0s the thinned network reads fewer 0s', async () => {
  const page = await e2e.newPage(ctx.browser);
  try {
    await e2e.openApp(page, ctx.server.url);
    await e2e.press(page, 'q');
    await e2e.press(page, 'b');
    await e2e.waitForStatus(page, (s) => /Biased data/.test(s.help.asking), e2e.DEFAULT_TIMEOUT, 'the biased-data card');
    await e2e.press(page, 's');
    const s = await e2e.waitForStatus(page, (s) => !s.bias.running && s.bias.runs.length === 2, 4 * e2e.DEFAULT_TIMEOUT, 'both networks');
    assert.equal(s.bias.class, 0);
    assert.equal(s.bias.share, 0.1);
    const [balanced, thinned] = s.bias.runs;
    assert.equal(thinned.trained[0], Math.round(balanced.trained[0] / 10), 'a tenth of the 0s trained on');
    assert.ok(thinned.perClass[0] < balanced.perClass[0], `fewer 0s read right: ${thinned.perClass[0]} vs ${balanced.perClass[0]}`);
    await e2e.screenshot(page, 'experiments-bias');
    await e2e.press(page, 'Escape');
    await e2e.press(page, 'q');
    await e2e.press(page, 'r');
    await e2e.waitForStatus(page, (s) => /Which resource/.test(s.help.asking), e2e.DEFAULT_TIMEOUT, 'the resources card');
    await e2e.screenshot(page, 'experiments-resources');
  } finally {
    await page.context().close();
  }
});
