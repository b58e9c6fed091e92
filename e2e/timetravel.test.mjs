// Issue 11's browser tests: snapshots, rewind and a simulated crash, each
// from a fresh page, checked through window.digitTrainer.status()
// (session/status.go: timeTravel). Needs `make web` (dist/web).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as e2e from './lib.mjs';

const ctx = e2e.servedBrowser();

/** Trains one epoch at a time with the E key until the network is at epoch n. */
async function stepTo(page, n) {
  let s = await e2e.status(page);
  while (s.epoch < n) {
    const want = s.epoch + 1;
    await e2e.press(page, 'e');
    s = await e2e.waitForStatus(page, (s) => s.epoch === want, e2e.DEFAULT_TIMEOUT, `epoch ${want}`);
  }
  return s;
}

test('rewinding to a snapshot and training on reaches the weights of the run never rewound', async () => {
  const page = await e2e.newPage(ctx.browser);
  try {
    await e2e.openApp(page, ctx.server.url);
    const never = await stepTo(page, 12);
    assert.deepEqual(never.timeTravel.snapshots, [0, 5, 10], 'a snapshot at the start and every 5 epochs');
    assert.ok(never.rects.snap5, 'the snapshot of epoch 5 has a mark under the curves');

    await e2e.clickControl(page, 'snap5');
    let s = await e2e.waitForStatus(page, (s) => s.epoch === 5, e2e.DEFAULT_TIMEOUT, 'back at epoch 5');
    assert.notEqual(s.modelHash, never.modelHash);
    assert.ok(s.timeTravel.ghost >= 12, 'the curves left behind stay as a ghost');
    assert.deepEqual(s.timeTravel.snapshots, [0, 5], 'the later snapshots go with the branch left');
    assert.match(s.message, /Rewound to epoch 5/);
    await e2e.screenshot(page, 'timetravel-rewound');

    s = await stepTo(page, 12);
    assert.equal(s.modelHash, never.modelHash, 'trained on from the snapshot: the same weights, bit for bit');
    assert.equal(s.seen, never.seen);

    await e2e.press(page, 'b');
    s = await e2e.waitForStatus(page, (s) => s.epoch === 10, e2e.DEFAULT_TIMEOUT, 'B: back to epoch 10');
  } finally {
    await page.context().close();
  }
});

test('a simulated crash restores the latest snapshot and says what it cost', async () => {
  const page = await e2e.newPage(ctx.browser);
  try {
    await e2e.openApp(page, ctx.server.url);
    await stepTo(page, 3);
    for (let i = 0; i < 3; i++) await e2e.press(page, '.'); // a faster pace: the crash comes sooner
    await e2e.clickControl(page, 'timeTravel');
    let s = await e2e.waitForStatus(page, (s) => s.help.question && /Time travel/.test(s.help.asking), e2e.DEFAULT_TIMEOUT, 'the time travel card');
    await e2e.screenshot(page, 'timetravel-card');
    await e2e.press(page, 'c');
    s = await e2e.waitForStatus(page, (s) => s.timeTravel.crashes === 1, 4 * e2e.DEFAULT_TIMEOUT, 'the crash');
    // Training goes on after the crash (at full speed, past more snapshots
    // before this status is read): that the one restored was the latest
    // then is session's TestCrashRestoresLatestSnapshot; here, that the
    // page says so and went back.
    const r = s.timeTravel.restored;
    assert.ok(s.timeTravel.snapshots.includes(r) && r % 5 === 0, `restored the snapshot of epoch ${r}`);
    assert.ok(s.timeTravel.lostSamples > 0, 'work was lost');
    // The crash's own message, or (a run at full speed soon stops) the stop
    // message that repeats it.
    const m = s.message.match(/Crash in epoch (\d+) .*Back to the snapshot of epoch (\d+): [\d.]+ epochs of work lost/) ||
      s.message.match(/A crash struck in epoch (\d+) on the way: training went back to the snapshot of epoch (\d+)/);
    assert.ok(m, s.message);
    assert.equal(Number(m[2]), r);
    assert.ok(Number(m[1]) > r, 'the crash struck after the snapshot it went back to');
    assert.ok(s.training || /A crash struck/.test(s.message), 'training carried on from the snapshot, as a job restarts from its checkpoint');
    await e2e.screenshot(page, 'timetravel-crash');
    await e2e.clickControl(page, 'train'); // pause
  } finally {
    await page.context().close();
  }
});
