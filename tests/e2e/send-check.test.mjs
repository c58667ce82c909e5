// The check before sending (the ticket.save hook) in the three admin modes,
// and its time bound, driven through the workspace's Submit button like an
// agent would.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CRITICAL_PACK, openTicket, startEnv, typeReply } from './helpers.mjs';

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.stop();
});

const CURT = 'Your order is delayed.';
const RUDE = 'Calm down. YOU SHOULD HAVE READ THE EMAIL.';
const POLITE = "Hi Maria, I'm so sorry about this. I will ship order #48213 today by express.";

/** Clicks Submit and waits for the outcome: 'sent' or 'held' (with the banner text). */
async function submit(page) {
  const sends = await page.evaluate(() => Number(document.body.dataset.sends ?? 0));
  await page.evaluate(() => delete document.body.dataset.lastSave);
  const started = Date.now();
  await page.click('#ws-submit');
  await page.waitForFunction(() => document.body.dataset.lastSave);
  const outcome = await page.evaluate(() => document.body.dataset.lastSave);
  const ms = Date.now() - started;
  if (outcome === 'sent') {
    assert.equal(await page.evaluate(() => Number(document.body.dataset.sends)), sends + 1);
    return { outcome, ms };
  }
  return { outcome, ms, message: await page.locator('#ws-banner').textContent() };
}

test('warn: a weak reply is held once with its top issues; sending again goes through', async () => {
  const { page, app } = await openTicket(env, { ticket: 'angry', mode: 'warn', threshold: 60 });
  await typeReply(page, CURT);
  const first = await submit(page);
  assert.equal(first.outcome, 'held');
  assert.match(first.message, /below 60/);
  assert.match(first.message, /Top issues: /);
  assert.match(first.message, /within a minute/);
  await app.locator('.rp-held:not([hidden])').waitFor();
  const second = await submit(page);
  assert.equal(second.outcome, 'sent', 'sending again within a minute goes through');
  // The reply went into the conversation, as text.
  await page.locator('.ws-msg--agent', { hasText: CURT }).waitFor();
  await page.close();
});

test('warn: a good reply goes straight through; a critical finding is held even above the threshold', async () => {
  const { page } = await openTicket(env, { ticket: 'polite', mode: 'warn', threshold: 10, rules: CRITICAL_PACK });
  await typeReply(page, "Hi Aiko, go to Billing > Invoices and click Export. I'm happy to help with anything else.");
  assert.equal((await submit(page)).outcome, 'sent');
  await typeReply(page, 'Hi Aiko, as I said, it is in Billing.');
  const held = await submit(page);
  assert.equal(held.outcome, 'held');
  assert.match(held.message, /critical issue|below 10/);
  await page.close();
});

test('block: held only for critical findings, with the reason, every time', async () => {
  const { page, app } = await openTicket(env, { ticket: 'angry', mode: 'block', threshold: 90, rules: CRITICAL_PACK });
  await typeReply(page, RUDE);
  const first = await submit(page);
  assert.equal(first.outcome, 'held');
  assert.match(first.message, /condescending|Blaming|shouting/);
  assert.match(first.message, /"Calm down"|"YOU SHOULD HAVE/);
  assert.equal((await submit(page)).outcome, 'held', 'still held: block has no second-send bypass');

  await typeReply(page, CURT); // weak, but nothing critical
  assert.ok(Number(await app.locator('#rapport').getAttribute('data-score')) < 90);
  assert.equal((await submit(page)).outcome, 'sent');
  await page.close();
});

test('off: never held, and the app does not even hook the save', async () => {
  const { page } = await openTicket(env, { ticket: 'angry', mode: 'off', rules: CRITICAL_PACK });
  await typeReply(page, RUDE);
  assert.equal(await page.evaluate(() => window.rapportWorkspace.zaf.subscribers.get('ticket.save') ?? 0), 0);
  assert.equal((await submit(page)).outcome, 'sent');
  await page.close();
});

test('an empty comment (a status change) is never held', async () => {
  const { page } = await openTicket(env, { ticket: 'angry', mode: 'warn', threshold: 100 });
  assert.equal((await submit(page)).outcome, 'sent');
  await page.close();
});

test('time bound: if Zendesk is slow to answer, the save goes through after about 1.5 s', async () => {
  const { page } = await openTicket(env, { ticket: 'angry', mode: 'block', latency: 2500, rules: CRITICAL_PACK });
  await page.click('#ws-composer');
  await page.keyboard.type(RUDE);
  const r = await submit(page);
  assert.equal(r.outcome, 'sent', 'fail open on a time-out');
  assert.ok(r.ms >= 1400 && r.ms < 2500, `went through after ${r.ms} ms`);
  await page.close();
});
