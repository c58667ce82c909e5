// Hostile text everywhere the app shows or reads text: the customer's
// message, the requester's name, the agent's draft and an admin pack's rule
// messages (and its error messages) carry script tags, event-handler
// attributes, javascript: URLs, very long words and right-to-left overrides.
// Nothing may run (a window flag stays unset, no dialog opens, no CSP report)
// and the layout holds (the 320 px sidebar keeps its width, nothing overflows).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTicket, settled, startEnv } from './helpers.mjs';

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.stop();
});

// Each payload sets window.__pwned (or opens a dialog) if it ever runs.
const PAYLOADS = [
  '<script>top.__pwned=1;alert(1)</script>',
  '<img src=x onerror="top.__pwned=2;alert(2)">',
  '<svg onload="top.__pwned=3"></svg>',
  '<a href="javascript:top.__pwned=4">click me</a>',
  '"><iframe src="javascript:top.__pwned=5"></iframe>',
  'javascript:top.__pwned=6',
  '\u202Etxt.exe\u202C \u2067\u05E9\u05DC\u05D5\u05DD\u2069 \u200F!',
];
const LONG_WORD = 'Supercalifragilistic'.repeat(15); // 300 characters, no break
const HOSTILE = PAYLOADS.join(' ');

// An admin pack whose rule message and fix carry the payloads (messages are
// bounded to 500 bytes, so two rules share them), matching "parcel".
const rule = (n, message, fix) => ({
  id: `evil.positivity.r${n}`,
  dimension: 'positivity',
  kind: 'flag',
  severity: 'warning',
  patterns: [`\\bparcel${n}\\b`],
  message,
  fix: { op: 'replace', text: fix },
  examples: { match: [`The [[parcel${n}]] left.`], noMatch: ['The box left.'] },
});
const HOSTILE_PACK = JSON.stringify({
  pack: 'evil',
  rules: [
    rule('', PAYLOADS.slice(0, 4).join(' '), '<img src=x onerror="top.__pwned=7">'),
    rule(2, `${PAYLOADS.slice(4).join(' ')} ${LONG_WORD}`, 'javascript:top.__pwned=8'),
  ],
});
// A broken pack whose error message repeats hostile input back.
const BROKEN_PACK = JSON.stringify({ pack: 'evil', disable: [`${PAYLOADS[1]} ${LONG_WORD}`] });

async function watch(page) {
  const seen = { dialogs: [], console: [] };
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  page.on('console', (m) => seen.console.push(m.text()));
  return seen;
}

/** Nothing ran and the panel keeps its shape at `width` px. */
async function assertSafe(page, frame, seen, errors, width) {
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing ran in the workspace');
  assert.equal(await frame.evaluate(() => window.__pwned), undefined, 'nothing ran in the app');
  assert.deepEqual(seen.dialogs, [], 'no dialog opened');
  assert.deepEqual(seen.console.filter((m) => /Content Security Policy|Refused to/.test(m)), [], 'no CSP violation');
  assert.deepEqual(errors, []);
  const dom = await frame.evaluate(() => {
    const root = document.getElementById('rapport');
    const all = [...root.querySelectorAll('*')];
    return {
      made: all.filter((el) => /^(script|img|iframe|a|object|embed)$/i.test(el.localName)).map((el) => el.outerHTML),
      handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
      wide: all.filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map((el) => el.className?.baseVal ?? el.className),
      text: root.textContent,
    };
  });
  assert.deepEqual(dom.made, [], 'no element made from hostile text');
  assert.deepEqual(dom.handlers, [], 'no event-handler attribute in the panel');
  const box = await page.locator('#ws-app').boundingBox();
  assert.ok(Math.abs(box.width - width) <= 1, `the sidebar keeps its width: ${box.width} px`);
  assert.ok(dom.scroll <= dom.client, `no horizontal overflow: scrollWidth ${dom.scroll} > ${dom.client}`);
  assert.deepEqual(dom.wide, [], 'no element sticks out');
  return dom;
}

test('hostile customer message, name, draft and admin pack messages: nothing runs, the layout holds at 320 px', async () => {
  const width = 320;
  let seen;
  const { page, app, frame, errors } = await openTicket(
    env,
    { ticket: 'angry', width, name: `${PAYLOADS[1]} ${LONG_WORD}`, message: `${HOSTILE} ${LONG_WORD} where is my parcel?!`, rules: HOSTILE_PACK },
    { width: width + 720, route: async (p) => (seen = await watch(p)) },
  );
  // The draft: typed text that looks like markup, a long word, RTL overrides
  // and both rules' trigger words.
  await page.click('#ws-composer');
  await page.keyboard.insertText(`Hi, your parcel and parcel2 ship today. ${HOSTILE} ${LONG_WORD}`);
  await settled(page);
  // The pack's hostile messages are shown, as text.
  await app.locator('.rp-finding', { hasText: '<script>top.__pwned=1;alert(1)</script>' }).first().waitFor();
  await app.locator('.rp-finding', { hasText: 'javascript:top.__pwned=5' }).first().waitFor();
  const dom = await assertSafe(page, frame, seen, errors, width);
  assert.ok(dom.text.includes('<img src=x onerror="top.__pwned=2;alert(2)">'), 'payloads are shown as text');
  // Applying the hostile fix puts text, not markup, into the draft.
  const fixButton = app.locator('.rp-finding', { hasText: '<script>top.__pwned=1' }).first().locator('button').first();
  await fixButton.click();
  await page.waitForFunction(() => document.getElementById('ws-composer').textContent.includes('onerror="top.__pwned=7"'));
  assert.equal(await page.locator('#ws-composer img, #ws-composer script').count(), 0, 'the fix made no element');
  await settled(page);
  // The quick insert with the hostile name, too.
  await app.getByRole('button', { name: /^Acknowledge / }).click();
  await page.waitForFunction(() => document.getElementById('ws-composer').textContent.includes('top.__pwned=2;alert(2)'));
  await settled(page);
  assert.equal(await page.locator('#ws-composer img, #ws-composer script, #ws-composer iframe').count(), 0);
  await assertSafe(page, frame, seen, errors, width);
  // The send check's message (warn mode holds this weak reply) is text too.
  await page.click('#ws-submit');
  await page.waitForFunction(() => document.body.dataset.lastSave);
  await assertSafe(page, frame, seen, errors, width);
  await page.close();
});

test('a broken admin pack whose errors repeat hostile input: shown as text, the layout holds', async () => {
  const width = 320;
  let seen;
  const { page, app, frame, errors } = await openTicket(env, { ticket: 'angry', width, rules: BROKEN_PACK }, {
    width: width + 720,
    route: async (p) => (seen = await watch(p)),
  });
  await page.click('#ws-composer');
  await page.keyboard.insertText(`Your order is delayed. ${LONG_WORD}`);
  await settled(page);
  await app.locator('.rp-notes li', { hasText: 'onerror="top.__pwned=2' }).first().waitFor();
  await assertSafe(page, frame, seen, errors, width);
  await page.close();
});
