#!/usr/bin/env node
// Renders assets/logo.svg to the PNGs Zendesk asks for, with headless Chromium:
// assets/logo.png (320x320) and assets/logo-small.png (128x128). The PNGs are
// committed; rerun after changing the SVG: npm run logos

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = fs.readFileSync(path.join(ROOT, 'assets', 'logo.svg'), 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

const { context, close } = await launchChromium({ deviceScaleFactor: 1 });
try {
  for (const [file, size] of [['logo.png', 320], ['logo-small.png', 128]]) {
    const page = await context.newPage();
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<!doctype html><html><body style="margin:0"><img alt="" width="${size}" height="${size}" src="${dataUrl}"></body></html>`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    await page.screenshot({ path: path.join(ROOT, 'assets', file), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    console.log(`assets/${file} (${size}x${size})`);
  }
} finally {
  await close();
}
