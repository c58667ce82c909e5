// Customer text is hostile: the app never turns strings into markup. This
// guards the rule in the source: no innerHTML/outerHTML/insertAdjacentHTML/
// document.write/eval/new Function anywhere in the app's code.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SINKS = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment)\b|\beval\s*\(|new\s+Function\s*\(/;
// The core's own files are not the app's (and have no DOM code).
const CORE = new Set(['coach.mjs']);

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : p.endsWith('.mjs') && !CORE.has(e.name) ? [p] : [];
  });
}

test('the app code has no HTML sinks', () => {
  const files = walk(path.join(ROOT, 'js-shim'));
  assert.ok(files.length >= 8);
  for (const file of files) {
    const src = fs.readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '');
    assert.doesNotMatch(src, SINKS, path.relative(ROOT, file));
  }
});

test('only hosts/zendesk.mjs touches ZAFClient', () => {
  for (const file of walk(path.join(ROOT, 'js-shim'))) {
    if (file.endsWith(path.join('hosts', 'zendesk.mjs'))) continue;
    assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /ZAFClient/, path.relative(ROOT, file));
  }
});
