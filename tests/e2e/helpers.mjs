// Shared setup of the end-to-end tests: the workspace server on a free port,
// headless Chromium (tools/chromium.mjs: /usr/bin/chromium, fresh profile), and
// helpers that wait on conditions (never fixed sleeps).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../../tools/build-app.mjs';
import { createWorkspaceServer } from '../../tools/serve.mjs';
import { launchChromium } from '../../tools/chromium.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOTS = path.join(ROOT, 'artifacts', 'screenshots');
export const CRITICAL_PACK = fs.readFileSync(path.join(ROOT, 'tests', 'e2e', 'fixtures', 'critical-pack.json'), 'utf8');

export async function startEnv() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'zendesk', 'assets', 'app.js'))) await buildApp({ quiet: true });
  const server = await createWorkspaceServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}/`;
  const { context, close } = await launchChromium({ viewport: { width: 1100, height: 900 } });
  context.setDefaultTimeout(10_000);
  return {
    base,
    context,
    async stop() {
      await close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The app's frame in a workspace page. */
export function appFrame(page) {
  const frame = page.frames().find((f) => f.url().includes('/app/assets/iframe.html'));
  if (!frame) throw new Error('the app iframe is not there');
  return frame;
}

/**
 * Opens the workspace with query parameters; waits for the panel unless
 * `state` is null. Returns { page, app (Frame), errors }.
 */
export async function openTicket(env, params = {}, { width = 1100, height = 900, state = 'ready', route } = {}) {
  const page = await env.context.newPage();
  await page.setViewportSize({ width, height });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (route) await route(page);
  const url = new URL(env.base);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, String(v));
  await page.goto(url.href);
  await page.waitForFunction(() => document.getElementById('ws-app')?.contentWindow?.location.href.includes('iframe.html'));
  const app = page.frameLocator('#ws-app');
  if (state) await app.locator(`#rapport[data-state="${state}"]`).waitFor();
  return { page, app, frame: appFrame(page), errors };
}

export const composerText = (page) => page.evaluate(() => window.rapportWorkspace.composer.getText());

/** Waits until the panel shows the analysis of the composer's current text. */
export async function settled(page) {
  const text = await composerText(page);
  await appFrame(page).waitForFunction(
    (n) => {
      const root = document.getElementById('rapport');
      return root.dataset.state === 'ready' && root.dataset.chars === String(n);
    },
    text.length,
  );
  return text;
}

/** Replaces the composer's content by typing, as an agent would. */
export async function typeReply(page, text) {
  await page.click('#ws-composer');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
  return settled(page);
}

export async function score(app) {
  return Number(await app.locator('#rapport').getAttribute('data-score'));
}

export function screenshotPath(name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, name);
}

/** Screenshots the whole app iframe (grown to its content by the app's resize calls). */
export async function shootApp(page, name) {
  await page.waitForFunction(() => {
    const iframe = document.getElementById('ws-app');
    const root = iframe.contentDocument?.getElementById('rapport');
    return root && Math.abs(iframe.clientHeight - (root.scrollHeight + 16)) < 4;
  });
  const { width } = page.viewportSize();
  const box = await page.locator('#ws-app').boundingBox();
  await page.setViewportSize({ width, height: Math.ceil(box.y + box.height + 40) });
  await page.locator('#ws-app').screenshot({ path: screenshotPath(name) });
}
