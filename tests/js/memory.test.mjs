// Memory stays flat: 100,000 analyze calls through the wasm build, with drafts,
// formats, customers and names that vary, and the WebAssembly memory must stop
// growing after a warm-up (a leak of even a few bytes per call would show as
// growth: 100,000 calls x 64 bytes is 6 MB, about a hundred 64 KiB pages).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { root } from './helpers.mjs';

const { createCoach } = await import(path.join(root, 'dist/rapport.mjs'));

const DRAFTS = [
  'Hi {name}, I am so sorry about order #{n}. I will ship it today by 5 pm.',
  'Unfortunately there is nothing we can do. As I said, please read the FAQ.',
  '<p>Hi {name},</p><p>Thanks for your patience &amp; sorry about ticket {n}!</p><p>Best,<br>Sam</p>',
  'PLEASE READ THE EMAIL AGAIN. {n} {n} {n}',
  'We will look into it soon. In the meantime, I have added a credit of ${n}. Kind regards, Sam',
  'Hello {name}!\n\n1. Restart the app.\n2. Sign in again.\n\nLet me know if there is anything else. 😀 café',
];
const CUSTOMERS = [
  'Where is my order #{n}?!',
  'This is the THIRD time I am writing. Unacceptable!! Cancel my account.',
  'Hi, quick question about invoice {n}, no rush. Thanks!',
];
const NAMES = ['Maria Lopez', 'Jo', '', '<b>Zoë</b> Ünal'];

// The i-th input: every field varies, the draft's length too.
function input(i) {
  const n = String(i);
  const fill = (s) => s.replaceAll('{n}', n).replaceAll('{name}', NAMES[i % 4].split(' ')[0]);
  const d = i % DRAFTS.length;
  return {
    draft: fill(DRAFTS[d]) + ' more words'.repeat(i % 17),
    format: d === 2 ? 'html' : 'text',
    // The customer changes every 5th call; the core caches the last one.
    customerMessages: [fill(CUSTOMERS[Math.floor(i / 5) % 3]), ...(i % 4 === 0 ? ['Hello?'] : [])],
    customerName: NAMES[i % 4],
    agentName: 'Sam',
  };
}

test('100,000 varied analyze calls: the wasm memory stops growing after warm-up', async () => {
  const coach = await createCoach();
  const start = coach.memoryBytes();
  assert.ok(start >= 16 << 20, `memoryBytes() is the wasm memory size (${start})`);
  // Warm-up: every kind of input once, and a draft larger than any below.
  for (let i = 0; i < 2_000; i++) coach.analyze(input(i));
  coach.analyze({ ...input(0), draft: input(0).draft.repeat(200) });
  const warm = coach.memoryBytes();
  const samples = [];
  let score = 0;
  const t0 = performance.now();
  for (let i = 0; i < 100_000; i++) {
    score += coach.analyze(input(i)).score;
    if (i % 10_000 === 9_999) samples.push(coach.memoryBytes());
  }
  const seconds = (performance.now() - t0) / 1000;
  const end = coach.memoryBytes();
  console.log(
    `memory: ${start} bytes at start, ${warm} after warm-up, ${end} after 100,000 calls ` +
      `(${seconds.toFixed(1)} s, ${Math.round((seconds * 1e6) / 100_000)} us per call)`,
  );
  assert.ok(score > 0, 'the calls did analyze');
  assert.equal(end, warm, `the memory grew after warm-up: ${[warm, ...samples].join(' -> ')}`);
  coach.dispose();
});

test('the memory check can fail: one large input makes the memory grow', async () => {
  // Inputs at the size limits (a 256 KiB draft and the 20 latest customer
  // messages of 64 KiB each) need more than the memory the coach starts with
  // (about 23 MiB once the pack is compiled): memoryBytes() must see that
  // growth, or the test above could never fail. A draft at its limit alone no
  // longer grows it since the pack grew past 16 MiB.
  const coach = await createCoach();
  const before = coach.memoryBytes();
  const messages = Array.from({ length: 20 }, (_, i) => `Order ${i} is late AGAIN!!! `.repeat(2_500));
  coach.analyze({ draft: 'word '.repeat(60_000), customerMessages: messages });
  assert.ok(coach.memoryBytes() > before, `${before} -> ${coach.memoryBytes()}`);
  coach.dispose();
});
