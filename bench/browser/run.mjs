#!/usr/bin/env node
// npm run bench:browser: the app's speed in headless Chromium, as the agent
// feels it (see bench.mjs). Prints a table; targets: < 16 ms median per
// keystroke at 2,000 characters, cold start < 300 ms.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../../tools/build-app.mjs';
import { createWorkspaceServer } from '../../tools/serve.mjs';
import { launchChromium } from '../../tools/chromium.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
if (!fs.existsSync(path.join(ROOT, 'dist', 'zendesk', 'assets', 'app.js')) || process.argv.includes('--build')) {
  await buildApp({ quiet: true });
}
const server = await createWorkspaceServer();
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const { context, close } = await launchChromium({ viewport: { width: 1100, height: 900 } });
let failed = false;
try {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  const query = process.argv.find((a) => a.startsWith('?')) ?? '';
  await page.goto(`http://127.0.0.1:${server.address().port}/bench/index.html${query}`);
  await page.waitForFunction(() => window.benchResult, null, { timeout: 170_000, polling: 250 });
  const r = await page.evaluate(() => window.benchResult);
  if (r.error) throw new Error(r.error);

  const ms = (x) => `${x.toFixed(1)} ms`.padStart(9);
  const mark = (ok) => (ok ? 'ok' : 'OVER');
  console.log(`Rapport in headless Chromium (${r.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}), app from dist/zendesk\n`);
  console.log('keystroke in the composer -> panel updated (one keystroke every', r.gapMs, 'ms)');
  console.log('  draft size   chars (HTML)  median     p95        max        next frame (median)');
  for (const [size, t] of Object.entries(r.typing)) {
    console.log(`  ~${String(size).padEnd(10)} ${String(t.chars).padStart(6)}     ${ms(t.dom.median)}  ${ms(t.dom.p95)}  ${ms(t.dom.max)}  ${ms(t.frame.median)}`);
  }
  const t2k = r.typing[2000].dom.median;
  console.log(`\ncold start (iframe src set -> first score, ${r.cold.n} loads, no HTTP cache)`);
  console.log(`  first ${ms(r.cold.first)}   median ${ms(r.cold.median)}   p95 ${ms(r.cold.p95)}`);
  console.log(`\ntargets: keystroke median at 2,000 chars < 16 ms: ${t2k.toFixed(1)} ms ${mark(t2k < 16)}; cold start < 300 ms: ${r.cold.median.toFixed(0)} ms median ${mark(r.cold.median < 300)}`);
  failed = process.argv.includes('--check') && !(t2k < 16 && r.cold.median < 300);
} finally {
  await close();
  server.close();
}
process.exit(failed ? 1 : 0);
