// The app page's Content Security Policy (assets/iframe.html) says what the
// issue asks: scripts only from the app itself and the Zendesk SDK's origin,
// WebAssembly allowed ('wasm-unsafe-eval') but no eval and no inline script,
// connections only to the app's own origin, and nothing else by default. The
// page itself has no inline script or handler that the policy would have to
// allow. (The browser tests check that nothing is refused at run time.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const html = fs.readFileSync(path.join(ROOT, 'assets', 'iframe.html'), 'utf8');

function policy() {
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)];
  assert.equal(metas.length, 1, 'exactly one CSP meta tag');
  const directives = new Map();
  for (const part of metas[0][1].split(';').map((s) => s.trim()).filter(Boolean)) {
    const [name, ...values] = part.split(/\s+/);
    assert.ok(!directives.has(name), `directive ${name} given once`);
    directives.set(name, values);
  }
  return directives;
}

test('iframe.html: the CSP allows scripts only from self and the SDK origin, wasm but no eval', () => {
  const csp = policy();
  assert.deepEqual(csp.get('default-src'), ["'none'"]);
  assert.deepEqual([...csp.get('script-src')].sort(), ["'self'", "'wasm-unsafe-eval'", 'https://static.zdassets.com'].sort());
  for (const [name, values] of csp) {
    for (const bad of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'blob:', 'http:', 'https:']) {
      assert.ok(!values.includes(bad), `${name} must not allow ${bad}`);
    }
  }
  assert.deepEqual(csp.get('connect-src'), ["'self'"], 'connections only to the app itself');
  assert.deepEqual(csp.get('base-uri'), ["'none'"]);
  assert.deepEqual(csp.get('form-action'), ["'none'"]);
  assert.ok(!csp.has('frame-src') && !csp.has('object-src'), 'frames and plugins fall back to none');
});

test('iframe.html: no inline script, no event-handler attribute, the SDK from its official origin', () => {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  assert.ok(scripts.length >= 2);
  for (const [, attrs, body] of scripts) {
    assert.match(attrs, /\bsrc="/, 'every script is a file');
    assert.equal(body.trim(), '', 'no inline script');
  }
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no event-handler attributes');
  assert.doesNotMatch(html, /javascript:/i);
  assert.match(html, /<script src="https:\/\/static\.zdassets\.com\/zendesk_app_framework_sdk\/2\.0\/zaf_sdk\.min\.js"><\/script>/);
});
