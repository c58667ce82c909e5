// The coaching panel in the local workspace, in headless Chromium: it follows
// the draft as the agent types, Apply and Undo edit the composer, quick
// inserts, keyboard use, 320 px, and a screenshot per sample ticket.
// Assertions are about behaviour, not exact scores: the rules will keep being tuned.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CRITICAL_PACK, composerText, openTicket, score, screenshotPath, settled, shootApp, startEnv, typeReply } from './helpers.mjs';

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.stop();
});

const CURT = 'Your order is delayed.';
const WARM =
  "Hi Maria, I'm so sorry you've had to write three times about order #48213, I understand how frustrating that is. I will ship it today by express, and you will have the tracking number by 5 pm. If there's anything else I can do, just reply to this email. Best regards, Sam";

test('nothing is scored before the agent types; typing updates the panel', async () => {
  const { page, app, errors } = await openTicket(env, { ticket: 'angry' });
  await assert.doesNotReject(app.getByText('Waiting for your reply').waitFor());
  assert.equal(await app.locator('.rp-chip', { hasText: 'Repeat contact' }).count(), 1, 'the mood shows repeat contact');

  const before = Number(await app.locator('#rapport').getAttribute('data-revision'));
  await page.click('#ws-composer');
  await page.keyboard.type(CURT);
  const typedAt = Date.now();
  await settled(page);
  const lag = Date.now() - typedAt;
  assert.ok(Number(await app.locator('#rapport').getAttribute('data-revision')) > before + 1, 'the panel updated while typing');
  assert.ok(lag < 1000, `panel caught up ${lag} ms after the last keystroke`);

  const s = await score(app);
  assert.ok(s < 60, `a curt reply to an angry repeat contact scores below 60 (got ${s})`);
  await assert.doesNotReject(app.locator('.rp-word', { hasText: 'Needs work' }).waitFor());
  assert.equal(await app.locator('.rp-chip', { hasText: 'Frustrated' }).count(), 1, 'the mood shows frustration');
  const empathy = app.locator('.rp-finding', { has: app.locator('.rp-finding-dim', { hasText: 'Empathy' }) });
  assert.ok((await empathy.count()) >= 1, 'an empathy finding');
  assert.equal(await app.locator('.rp-dim').count(), 7, 'seven dimension bars');
  assert.equal(await app.locator('.rp-ring-num').textContent(), String(s));

  // The default pack's acknowledgement fix goes in front of the reply, which stays as typed.
  await empathy.first().getByRole('button', { name: 'Apply' }).click();
  await app.locator('.rp-undo:not([hidden])').waitFor();
  const fixed = await settled(page);
  const plain = fixed.replace(/<[^>]*>/g, ' ').replace(/&nbsp;|\s+/g, ' ').trim();
  assert.ok(plain.length > CURT.length && plain.endsWith(CURT), `the typed reply is kept: ${JSON.stringify(fixed)}`);
  assert.match(plain, /sorry|understand/i);
  assert.ok((await score(app)) > s, 'the acknowledgement raises the score');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a warm reply scores higher than a curt one', async () => {
  const { page, app } = await openTicket(env, { ticket: 'angry', rules: CRITICAL_PACK });
  await typeReply(page, CURT);
  const curt = await score(app);
  await typeReply(page, WARM);
  const warm = await score(app);
  assert.ok(curt < 60, `curt ${curt} < 60`);
  assert.ok(warm > curt, `warm ${warm} > curt ${curt}`);
  await page.close();
});

test('findings are ordered by severity, each with its quote and message', async () => {
  const { page, app } = await openTicket(env, { ticket: 'angry', rules: CRITICAL_PACK });
  await typeReply(page, 'Hello. Please calm down, the parcel ships soon.');
  const severities = await app.locator('.rp-finding .rp-badge').allTextContents();
  const rank = { CRITICAL: 0, WARNING: 1, TIP: 2 };
  const ranks = severities.map((s) => rank[s.toUpperCase()]);
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), `ordered: ${severities}`);
  const first = app.locator('.rp-finding').first();
  assert.match(await first.locator('.rp-quote').textContent(), /calm down/i);
  assert.equal(await first.locator('.rp-badge').textContent().then((t) => t.toUpperCase()), 'CRITICAL');
  // The fixture's own rule is there with its message, beside the default pack's.
  assert.equal(await app.locator('.rp-finding', { hasText: 'This sounds condescending' }).count(), 1);
  await page.close();
});

test('Apply edits the composer in one place, and Undo restores it exactly', async () => {
  const { page, app } = await openTicket(env, { ticket: 'angry', rules: CRITICAL_PACK });
  const draft = await typeReply(page, 'Hi Maria, please calm down. The parcel ships today.');
  const finding = app.locator('.rp-finding', { hasText: 'condescending' });
  await finding.getByRole('button', { name: 'Apply' }).click();
  await app.locator('.rp-undo:not([hidden])').waitFor();
  const applied = await settled(page);
  // The fix replaces its span; the rest of the draft is exactly as it was.
  assert.equal(applied, draft.replace('calm down', 'I understand your frustration'));
  assert.equal(await app.locator('.rp-finding', { hasText: 'condescending' }).count(), 0, 'the finding is gone');

  await app.getByRole('button', { name: 'Undo' }).click();
  await app.locator('.rp-undo[hidden]').waitFor({ state: 'attached' });
  await page.waitForFunction((d) => window.rapportWorkspace.composer.getText() === d, draft);
  assert.equal(await composerText(page), draft);
  await page.close();
});

test('Apply works from the keyboard (a real button, focus visible)', async () => {
  const { page, app } = await openTicket(env, { ticket: 'angry' });
  const draft = await typeReply(page, CURT);
  const button = app.locator('.rp-finding button').first();
  await button.focus();
  const ring = await button.evaluate((b) => getComputedStyle(b).boxShadow);
  assert.notEqual(ring, 'none', 'a focus ring shows');
  await page.keyboard.press('Enter');
  await page.waitForFunction((d) => window.rapportWorkspace.composer.getText() !== d, draft);
  const undo = app.getByRole('button', { name: 'Undo' });
  assert.equal(await undo.evaluate((b) => b === document.activeElement), true, 'focus moves to Undo');
  await page.keyboard.press('Enter');
  await page.waitForFunction((d) => window.rapportWorkspace.composer.getText() === d, draft);
  await page.close();
});

test('quick inserts: an acknowledgement with the name, and a closing line', async () => {
  const { page, app } = await openTicket(env, { ticket: 'angry' });
  const draft = await typeReply(page, 'Hi Maria,\nYour parcel ships today.');
  await app.getByRole('button', { name: 'Acknowledge Maria' }).click();
  await page.waitForFunction((d) => window.rapportWorkspace.composer.getText() !== d, draft);
  const html = await composerText(page);
  assert.match(html, /^<p>Hi Maria,<\/p><p>I'm sorry you've had to get in touch about this again, Maria\./);
  assert.match(html, /Your parcel ships today\.<\/p>$/);
  await settled(page);
  await app.getByRole('button', { name: 'Add closing line' }).click();
  await page.waitForFunction(() => /anything else I can do/.test(window.rapportWorkspace.composer.getText()));
  assert.match(await composerText(page), /Your parcel ships today\.<\/p><p>If there's anything else I can do.*Best regards,<br>Sam<\/p>$/);
  await page.close();
});

test('screen reader support: live score, labelled meters, named buttons', async () => {
  const { page, app } = await openTicket(env, { ticket: 'outage' });
  await typeReply(page, 'We are looking into it.');
  const live = app.locator('[aria-live="polite"]');
  await live.filter({ hasText: /Reply score \d+/ }).waitFor();
  const meters = app.getByRole('meter');
  assert.equal(await meters.count(), 7);
  for (const name of ['Empathy', 'Urgency', 'Clarity']) assert.equal(await app.getByRole('meter', { name }).count(), 1);
  assert.match(await app.getByRole('img').first().getAttribute('aria-label'), /^Score \d+ out of 100$/);
  for (const b of await app.locator('button').all()) assert.ok((await b.textContent()).trim() !== '', 'every button has a name');
  await page.close();
});

for (const width of [320, 480]) {
  test(`no horizontal overflow at ${width} px`, async () => {
    const longName = 'Maximiliana-Alexandrina Featherstonehaugh-Wolfeschlegelsteinhausen';
    const { page, app, frame } = await openTicket(env, { ticket: 'angry', width, name: longName, rules: CRITICAL_PACK }, { width: width + 720 });
    await typeReply(page, `Calm down. https://example.com/${'x'.repeat(120)} ${'Unbreakable'.repeat(12)} YOU SHOULD HAVE WAITED.`);
    await app.locator('.rp-finding').first().waitFor();
    const box = await page.locator('#ws-app').boundingBox();
    assert.ok(Math.abs(box.width - width) <= 1, `sidebar iframe is ${box.width} px`);
    const overflow = await frame.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
      wide: [...document.querySelectorAll('#rapport *')].filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map((el) => el.className?.baseVal ?? el.className),
    }));
    assert.ok(overflow.scroll <= overflow.client, `scrollWidth ${overflow.scroll} <= ${overflow.client}`);
    assert.deepEqual(overflow.wide, [], 'no element sticks out');
    await shootApp(page, `overflow-${width}.png`);
    await page.close();
  });
}

for (const ticket of ['angry', 'outage', 'polite', 'refund']) {
  test(`screenshot: ${ticket} ticket with its sample reply`, async () => {
    for (const width of [320, 400]) {
      const { page, app } = await openTicket(env, { ticket, width }, { width: width + 760, height: 900 });
      await page.click('#ws-sample');
      await settled(page);
      await app.locator('.rp-finding, .rp-empty').first().waitFor();
      if (width === 320) await page.screenshot({ path: screenshotPath(`${ticket}-workspace.png`) });
      await shootApp(page, `${ticket}-${width}.png`);
      await page.close();
    }
  });
}
