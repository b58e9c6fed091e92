// Issue 15's browser tests: the language comes from the browser, the
// address (?lang=, which a lesson link carries) and the picker, which
// remembers it; status().lang says which is in use. Needs `make web`.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as e2e from './lib.mjs';

const ctx = e2e.servedBrowser();

/** Opens the app in a fresh browser set to locale, at the page address plus query. */
async function openIn(locale, query = '', url = ctx.server.url + query) {
  const page = await e2e.newPage(ctx.browser, { locale });
  const s = await e2e.openApp(page, url);
  return { page, s };
}

test('a German browser gets German; the picker switches at once and is remembered', async () => {
  const { page, s } = await openIn('de-AT');
  try {
    assert.equal(s.lang, 'de', 'de-AT matches German');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'de', 'the loading page spoke German too');
    await e2e.screenshot(page, 'lang-de-1280x800');
    await e2e.clickControl(page, 'lang');
    await e2e.press(page, '3'); // the third language: Français
    let now = await e2e.waitForStatus(page, (s) => s.lang === 'fr', e2e.DEFAULT_TIMEOUT, 'French');
    assert.match(now.message, /français/i, 'the app says it speaks French now');
    assert.equal(await page.evaluate(() => localStorage.getItem('digit-trainer-lang')), 'fr');
    await page.reload({ waitUntil: 'domcontentloaded' });
    now = await e2e.waitForStatus(page, (s) => s.frame > 2 && s.lang, e2e.DEFAULT_TIMEOUT, 'the app after a reload');
    assert.equal(now.lang, 'fr', 'the choice beats the browser language after a reload');
  } finally {
    await page.context().close();
  }
});

test('?lang= wins over the browser, and numbers on screen follow the language', async () => {
  const { page, s } = await openIn('en-US', '?lang=pt');
  try {
    assert.equal(s.lang, 'pt');
    await e2e.drawOne(page);
    await e2e.press(page, 's'); // Step 1 sample: says the loss before and after
    const now = await e2e.waitForStatus(page, (s) => /\d,\d/.test(s.message), e2e.DEFAULT_TIMEOUT, 'a message with a decimal comma');
    assert.doesNotMatch(now.message, /\d\.\d/, `no decimal point in Portuguese: ${now.message}`);
    await e2e.screenshot(page, 'lang-pt-step');
  } finally {
    await page.context().close();
  }
});

test('a lesson link carries the teacher\'s language', async () => {
  const teacher = await openIn('es-ES');
  let student;
  try {
    assert.equal(teacher.s.lang, 'es');
    const link = (await e2e.status(teacher.page)).shareLink;
    assert.match(link, /[?&]lang=es(&|#)/, `the link names the language: ${link.slice(0, 80)}`);
    // The link a teacher copies is the same one, in a box that Escape closes.
    await e2e.clickControl(teacher.page, 'export');
    await e2e.press(teacher.page, 'l');
    const box = teacher.page.locator('#dt-offer textarea');
    await box.waitFor();
    assert.equal(await box.inputValue(), link, 'the box offers the status\'s link');
    await teacher.page.keyboard.press('Escape');
    await teacher.page.locator('#dt-offer').waitFor({ state: 'detached' });
    student = await openIn('en-GB', '', link);
    const s = await e2e.waitForStatus(student.page, (s) => s.lang, e2e.DEFAULT_TIMEOUT, 'the student page');
    assert.equal(s.lang, 'es', 'the student reads the teacher\'s language');
  } finally {
    await teacher.page.context().close();
    await student?.page.context().close();
  }
});
