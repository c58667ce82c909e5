// Fail open (the core cannot load, throws, or never answers: the panel says so
// and sends are never held), hostile customer text (shown as text, never run),
// and privacy (no request beyond the app's own files).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CRITICAL_PACK, openTicket, settled, startEnv, typeReply } from './helpers.mjs';

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.stop();
});

async function submitOutcome(page) {
  await page.evaluate(() => delete document.body.dataset.lastSave);
  await page.click('#ws-submit');
  await page.waitForFunction(() => document.body.dataset.lastSave);
  return page.evaluate(() => document.body.dataset.lastSave);
}

const fakeCore = (source) => async (page) => {
  await page.route('**/app/assets/rapport.js', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: source }),
  );
};

for (const [label, failure] of [
  ['404', (route) => route.fulfill({ status: 404, body: 'not found' })],
  ['network error', (route) => route.abort('connectionreset')],
]) {
  test(`fail open: the wasm cannot be fetched (${label})`, async () => {
    const { page, app } = await openTicket(env, { ticket: 'angry', mode: 'warn', threshold: 100 }, {
      state: 'unavailable',
      route: (p) => p.route('**/rapport.wasm', failure),
    });
    await app.getByText('Coaching is unavailable').waitFor();
    await page.click('#ws-composer');
    await page.keyboard.type('Your order is delayed.');
    assert.equal(await submitOutcome(page), 'sent', 'nothing blocks the agent');
    assert.equal(await app.locator('#rapport').getAttribute('data-state'), 'unavailable');
    await page.close();
  });
}

test('fail open: the wasm does not compile (garbage bytes)', async () => {
  const garbage = Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), Buffer.alloc(4096, 0xab)]);
  const { page, app, errors } = await openTicket(env, { ticket: 'angry', mode: 'block', rules: CRITICAL_PACK }, {
    state: 'unavailable',
    route: (p) => p.route('**/rapport.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: garbage })),
  });
  await app.getByText('Coaching is unavailable').waitFor();
  await page.click('#ws-composer');
  await page.keyboard.type('Calm down. YOU SHOULD HAVE READ THE EMAIL.');
  assert.equal(await submitOutcome(page), 'sent', 'nothing blocks the agent');
  assert.equal(await app.locator('#rapport').getAttribute('data-state'), 'unavailable');
  assert.deepEqual(errors.filter((e) => !/WebAssembly|wasm|Aborted/i.test(e)), []);
  await page.close();
});

test('fail open: the core throws on every draft', async () => {
  const { page, app } = await openTicket(env, { ticket: 'angry', mode: 'block', rules: CRITICAL_PACK }, {
    state: 'unavailable',
    route: fakeCore(`export async function createCoach() {
      return { packErrors: [], analyze() { const e = new Error('boom'); e.code = 'internal'; throw e; } };
    }`),
  });
  await page.click('#ws-composer');
  await page.keyboard.type('Calm down. YOU SHOULD HAVE READ THE EMAIL.');
  await app.locator('#rapport[data-state="unavailable"]').waitFor();
  await app.getByText('Coaching is unavailable').waitFor();
  assert.equal(await submitOutcome(page), 'sent');
  await page.close();
});

test('fail open: the core never finishes loading', async () => {
  const { page, app } = await openTicket(env, { ticket: 'angry', mode: 'block', rules: CRITICAL_PACK }, {
    state: 'loading',
    route: async (p) => {
      await p.clock.install(); // time runs as usual until the test skips ahead
      await fakeCore('export function createCoach() { return new Promise(() => {}); }')(p);
    },
  });
  await page.click('#ws-composer');
  await page.keyboard.type('Calm down. YOU SHOULD HAVE READ THE EMAIL.');
  assert.equal(await submitOutcome(page), 'sent', 'sending does not wait for the core');
  assert.equal(await app.locator('#rapport').getAttribute('data-state'), 'loading');
  // Past the load time-out (LOAD_TIMEOUT_MS, 10 s) the panel gives up.
  await page.clock.runFor(11_000);
  await app.getByText('Coaching is unavailable').waitFor();
  await page.keyboard.type(' Again.');
  assert.equal(await submitOutcome(page), 'sent');
  await page.close();
});

test('fail open: analyze takes too long (coaching turns itself off)', async () => {
  // Every analysis blocks for 1.7 s, past SLOW_ANALYZE_MS (1.5 s), and would
  // hold every reply if it finished in time.
  const { page, app } = await openTicket(env, { ticket: 'angry', mode: 'block' }, {
    state: 'unavailable',
    route: fakeCore(`export async function createCoach() {
      const critical = { ruleId: 'x.positivity.blame', dimension: 'positivity', severity: 'critical',
        message: 'Held.', start: 0, end: 1, quote: 'x' };
      return { packErrors: [], analyze() {
        const until = performance.now() + 1700;
        while (performance.now() < until) {}
        return { score: 1, dimensions: {}, customer: {}, findings: [critical], credits: [], explain: {},
          stats: { characters: 0 }, truncated: false, pack: { name: 'en', errors: [] } };
      } };
    }`),
  });
  await app.getByText('too slow in this browser').waitFor();
  await page.click('#ws-composer');
  const t0 = Date.now();
  await page.keyboard.type('Calm down. YOU SHOULD HAVE READ THE EMAIL.');
  assert.equal(await submitOutcome(page), 'sent', 'a slow core never holds a reply');
  assert.ok(Date.now() - t0 < 5_000, 'typing and sending are not slowed once coaching is off');
  assert.equal(await app.locator('#rapport').getAttribute('data-state'), 'unavailable');
  await page.close();
});

test('a broken custom rule pack is reported and the default rules keep working', async () => {
  const { page, app } = await openTicket(env, { ticket: 'angry', rules: '{"pack": "acme", "rules": [{"id": "oops"}]}' });
  await typeReply(page, 'Your order is delayed.');
  await app.locator('.rp-notes li', { hasText: 'Custom rules' }).first().waitFor();
  assert.ok(await app.locator('.rp-finding').count() > 0, 'default rules still coach');
  await page.close();
});

const HOSTILE_NAME = '<img/src=x/onerror=top.__pwned=1>';
const HOSTILE_MESSAGE = '<script>top.__pwned=2</script><img src=y onerror="top.__pwned=3"> This is the THIRD time!! <b>unacceptable</b>';

test('customer text and names with HTML and script are shown as text and never run', async () => {
  const requests = [];
  const consoleMessages = [];
  const { page, app, errors } = await openTicket(env, { ticket: 'angry', name: HOSTILE_NAME, message: HOSTILE_MESSAGE }, {
    route: async (p) => {
      p.on('request', (r) => requests.push(r.url()));
      p.on('console', (m) => consoleMessages.push(m.text()));
    },
  });
  // The workspace shows the customer's message as text.
  await page.locator('.ws-msg-body', { hasText: '<script>top.__pwned=2</script>' }).waitFor();
  // The app shows the name as text in its quick insert...
  const ack = app.getByRole('button', { name: /^Acknowledge / });
  assert.match(await ack.textContent(), /^Acknowledge <img\/src=x\//);
  // ...and inserts it into the rich-text draft as text, not markup.
  await typeReply(page, 'Hi, <b>bold?</b> your parcel ships today.');
  await ack.click();
  await page.waitForFunction(() => /onerror/.test(document.getElementById('ws-composer').textContent));
  const composer = await page.evaluate(() => {
    const el = document.getElementById('ws-composer');
    return { text: el.textContent, imgs: el.querySelectorAll('img, script').length, html: el.innerHTML };
  });
  assert.equal(composer.imgs, 0, 'no element was made from the name');
  assert.ok(composer.text.includes(HOSTILE_NAME), composer.html);
  await settled(page);
  // Quotes from the draft are text too.
  const quotes = await app.locator('.rp-quote').allTextContents();
  assert.ok(quotes.every((q) => !/<(img|script)\b/.test(q) || q.includes('<')));
  assert.equal(await app.locator('#rapport img, #rapport script, #rapport b').count(), 0, 'no markup from ticket text in the panel');
  // Nothing ran, nothing was fetched from the markup.
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.frameLocator('#ws-app').locator('body').evaluate(() => window.__pwned), undefined);
  assert.deepEqual(requests.filter((u) => /\/(x|y)(\?|$)/.test(new URL(u).pathname)), []);
  assert.deepEqual(consoleMessages.filter((m) => /Content Security Policy|Refused to/.test(m)), [], 'no CSP violations');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the app makes no network request beyond its own files', async () => {
  const requests = [];
  const { page, app } = await openTicket(env, { ticket: 'refund', mode: 'warn', rules: CRITICAL_PACK }, {
    route: async (p) => p.on('request', (r) => requests.push({ url: r.url(), frame: r.frame().url() })),
  });
  // A whole session: type, apply a fix, a quick insert, undo, send twice.
  await page.click('#ws-sample');
  await settled(page);
  await app.locator('.rp-finding button').first().click();
  await app.getByRole('button', { name: 'Undo' }).waitFor();
  await app.getByRole('button', { name: 'Add closing line' }).click();
  await settled(page);
  for (let i = 0; i < 2 && (await submitOutcome(page)) !== 'sent'; i++);

  const origin = new URL(env.base).origin;
  const appFiles = new Set(['/app/assets/iframe.html', '/app/assets/app.css', '/app/assets/app.js', '/app/assets/rapport.js', '/app/assets/rapport.wasm', '/vendor/zaf_sdk.min.js']);
  const fromApp = requests.filter((r) => r.frame.includes('/app/assets/iframe.html'));
  assert.ok(fromApp.length >= 4, 'the app frame was watched');
  for (const r of requests) assert.equal(new URL(r.url).origin, origin, `no other origin: ${r.url}`);
  for (const r of fromApp) assert.ok(appFiles.has(new URL(r.url).pathname), `the app only fetches its own files: ${r.url}`);
  await page.close();
});
