// Issue 14's browser tests: lesson links (shared, hostile, a teacher's),
// pooling a class's files and the projector view, each from a fresh page,
// through window.digitTrainer.status(). Needs `make web` (dist/web).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import * as e2e from './lib.mjs';

const trainerBin = process.env.DT_TRAINER || path.join(e2e.root, 'dist', 'tools', 'trainer');

const ctx = e2e.servedBrowser();

/** Runs the trainer CLI: its stdout, or a failed assertion. */
function trainer(args) {
  const r = existsSync(trainerBin)
    ? spawnSync(trainerBin, args, { encoding: 'utf8' })
    : spawnSync('go', ['run', './cmd/trainer', ...args], { cwd: e2e.root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

/** Opens url in a fresh browser context (empty storage). */
async function openIn(url, size) {
  const page = await e2e.newPage(ctx.browser, size);
  const s = await e2e.openApp(page, url);
  return { page, s };
}

test('a lesson link copied in one browser opens in another with the same drawings, settings and split', async () => {
  const { page, s: start } = await openIn(ctx.server.url);
  try {
    await e2e.press(page, '=');     // η 0.1 → 0.3
    await e2e.clickControl(page, 'setHidden-'); // 24 → 16
    await e2e.drawOne(page);
    await e2e.press(page, '1');
    await e2e.press(page, 'Enter');
    const s = await e2e.waitForStatus(page, (s) => s.total === start.total + 1 && s.hidden === 16, e2e.DEFAULT_TIMEOUT, 'edits');
    assert.ok(s.shareLink.includes('#v1.'), s.shareLink);
    assert.ok(s.shareLink.length < 8000, `a link of ${s.shareLink.length} characters`);
    const { page: other } = await openIn(s.shareLink);
    try {
      const o = await e2e.waitForStatus(other, (o) => o.dataHash === s.dataHash, e2e.DEFAULT_TIMEOUT, 'the link opened');
      assert.equal(o.valHash, s.valHash, 'the same split');
      assert.equal(o.hidden, 16);
      assert.equal(o.lr0, s.lr0);
      assert.equal(o.seed, s.seed);
    } finally {
      await other.context().close();
    }
  } finally {
    await page.context().close();
  }
});

test('hostile lesson links say why and change nothing', async () => {
  const { page, s: start } = await openIn(ctx.server.url);
  const good = start.shareLink.split('#')[1];
  await page.context().close();
  const bad = {
    truncated: good.slice(0, good.length / 2),
    'newer version': 'v2.' + good.slice(3),
    'random bytes': 'v1.' + Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 97 + 13) % 256)).toString('base64url'),
    'bad base64': 'v1.!!!!',
    empty: 'v1.',
    'not a link': 'hello',
    'a byte changed': good.slice(0, 200) + (good[200] === 'A' ? 'B' : 'A') + good.slice(201),
    overlong: 'v1.' + 'A'.repeat(70_000),
  };
  for (const [what, payload] of Object.entries(bad)) {
    const { page, s } = await openIn(ctx.server.url + '#' + payload);
    try {
      assert.equal(s.messageKind, 'error', `${what}: ${s.message}`);
      assert.match(s.message, /lesson link cannot be opened: .+ Nothing was changed/, what);
      assert.equal(s.dataHash, start.dataHash, `${what}: the drawings are the starter set's`);
      assert.equal(s.modelHash, start.modelHash, `${what}: the network is untouched`);
    } finally {
      await page.context().close();
    }
  }
});

test('a teacher link that fixes the hidden size refuses a change and says why', async () => {
  const link = trainer(['link', '-data', 'starter', '-fix', 'Hidden', '-title', 'Fixed size', '-base', ctx.server.url]);
  const { page, s } = await openIn(link);
  try {
    assert.deepEqual(s.teacher.Fixed, ['Hidden']);
    await e2e.clickControl(page, 'setHidden+');
    const t = await e2e.waitForStatus(page, (t) => /fixes it/.test(t.message), e2e.DEFAULT_TIMEOUT, 'the refusal');
    assert.equal(t.hidden, 24);
    assert.equal(t.messageKind, 'error');
  } finally {
    await page.context().close();
  }
});

test('pooling three files gives the expected counts, and Undo takes it back', async () => {
  const { page, s: start } = await openIn(ctx.server.url);
  try {
    const row = (label, on) => `${label},` + Array.from({ length: 81 }, (_, i) => (on(i) ? 1 : 0)).join(',');
    const a = [row(0, (i) => i % 9 === 0), row(1, (i) => i % 9 === 4 && i < 45)].join('\n') + '\n';
    const b = [row(1, (i) => i % 9 === 4 && i < 45), row(0, (i) => i < 9)].join('\n') + '\n'; // one copy of a's
    const c = [row(0, (i) => i < 9), row(0, (i) => i < 9), row(1, (i) => i >= 72)].join('\n') + '\n'; // b's, itself, one new
    const enc = (t) => Buffer.from(t).toString('base64');
    await e2e.dropFiles(page, [{ name: 'ana.csv', base64: enc(a) }, { name: 'ben.csv', base64: enc(b) }, { name: 'cleo.csv', base64: enc(c) }]);
    let s = await e2e.waitForStatus(page, (s) => /Pooled/.test(s.message), e2e.DEFAULT_TIMEOUT, 'the pooling');
    assert.equal(s.total, start.total + 4);
    assert.match(s.message, /Pooled 4 drawings from 3 files: ana\.csv 2, ben\.csv 1 \(1 already here\), cleo\.csv 1 \(2 already here\)/);
    await e2e.press(page, 'Control+z');
    s = await e2e.waitForStatus(page, (s) => s.dataHash === start.dataHash, e2e.DEFAULT_TIMEOUT, 'Undo');
  } finally {
    await page.context().close();
  }
});

test('the projector view at 1920×1080 and 1280×720', async () => {
  for (const size of [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }]) {
    const { page } = await openIn(ctx.server.url, size);
    try {
      await e2e.press(page, 'e');
      await e2e.press(page, 'f');
      const s = await e2e.waitForStatus(page, (s) => s.rects.projector && !s.rects.clearData, e2e.DEFAULT_TIMEOUT, 'the projector view');
      assert.ok(s.rects.train, 'Train is in the top bar');
      assert.ok(s.rects.grid[2] > 150, 'the grid stays usable');
      await e2e.screenshot(page, `projector-${size.width}x${size.height}`);
    } finally {
      await page.context().close();
    }
  }
});
