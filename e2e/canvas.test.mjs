// The canvas is drawn only when the app's picture changes, and then shows it (index.html,
// onlyNewFrames; platform.SamePicture): Ebiten would copy each new picture to the canvas on
// four frames in a row, which a software-rendered browser pays for as four composited
// frames. Counted here below the loader's filter, in the page: the frames in which anything
// reached the canvas. Needs `make web` (dist/web).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as e2e from './lib.mjs';

// How long the app must have painted nothing for it to count as quiet (ms): longer than a
// few frames of SwiftShader on a busy machine, shorter than the repaint it makes anyway
// every 2 s (app/redraw.go, maxStale).
const QUIET_MS = 700;

/** Counts, in the page, the frames in which a draw reached the canvas itself. */
function countCanvasFrames() {
  const seen = window.canvasFrames = { frames: 0 };
  let frame = 0, counted = -1, toCanvas = true;
  const tick = () => { frame++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  const P = WebGL2RenderingContext.prototype;
  const bind = P.bindFramebuffer;
  P.bindFramebuffer = function (target, fb) {
    if (target !== this.READ_FRAMEBUFFER) toCanvas = fb == null;
    return bind.call(this, target, fb);
  };
  for (const name of ['clear', 'drawArrays', 'drawElements']) {
    const draw = P[name];
    P[name] = function (...args) {
      if (toCanvas && frame !== counted) { counted = frame; seen.frames++; }
      return draw.apply(this, args);
    };
  }
}

/** Frames that reached the canvas and the app's paints so far. */
async function counts(page) {
  return page.evaluate(() => ({ frames: window.canvasFrames.frames, paints: window.digitTrainer.status().paints }));
}

/** Waits until the app has painted nothing for QUIET_MS and returns the counts then. */
async function quiet(page) {
  for (let last = await counts(page); ;) {
    await e2e.sleep(QUIET_MS);
    const now = await counts(page);
    if (now.paints === last.paints) return now;
    last = now;
  }
}

/** The luma (0–255) of the screenshot at the centre of grid cell (col, row). */
async function cellLuma(page, col, row) {
  const p = await e2e.cellCenter(page, col, row);
  const img = e2e.decodePNG(await page.screenshot({ timeout: 2 * e2e.DEFAULT_TIMEOUT }));
  const i = (Math.round(p.y) * img.width + Math.round(p.x)) * img.channels;
  return 0.299 * img.pixels[i] + 0.587 * img.pixels[i + 1] + 0.114 * img.pixels[i + 2];
}

test('the canvas is drawn once per new picture and keeps showing it', async () => {
  const { server, page, close } = await e2e.openServedPage();
  try {
    await page.addInitScript(countCanvasFrames);
    await e2e.openApp(page, server.url);

    // Quiet: the app repaints only every couple of seconds, each paint one canvas frame.
    const a = await quiet(page);
    await e2e.sleep(4500);
    const b = await quiet(page);
    const paints = b.paints - a.paints, frames = b.frames - a.frames;
    assert.ok(paints >= 1, `the app repaints while quiet too (${paints} paints in 4.5 s)`);
    assert.ok(frames <= paints, `${frames} frames drew to the canvas for ${paints} paints`);

    // A stroke: every frame of it paints, and what is drawn is what shows once it is quiet.
    const light = await cellLuma(page, 4, 3);
    await e2e.drawOne(page);
    const c = await quiet(page);
    assert.ok(c.frames - b.frames <= c.paints - b.paints,
      `${c.frames - b.frames} frames drew to the canvas for ${c.paints - b.paints} paints of a stroke`);
    const ink = await cellLuma(page, 4, 3);
    assert.ok(ink < light - 60, `the stroke shows on the canvas: cell luma ${ink} after, ${light} before`);

    // Clearing it: the last picture, not an earlier one, is what stays on the canvas.
    await e2e.clickControl(page, 'clear');
    await e2e.waitForStatus(page, (s) => s.ink === 0, 10_000, 'the grid to be cleared');
    await quiet(page);
    const cleared = await cellLuma(page, 4, 3);
    assert.ok(Math.abs(cleared - light) < 20, `the cleared grid shows: cell luma ${cleared}, ${light} when empty`);
  } finally {
    await close();
  }
});
