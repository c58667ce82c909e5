// The coaching-quality floors on the test split of tests/quality/ (issue 4),
// measured by tools/quality.mjs on the wasm build: a change to the rules or
// the engine that drops one of them fails here.
import test from 'node:test';
import assert from 'node:assert/strict';

import { evaluate, format } from '../../tools/quality.mjs';

const r = await evaluate({ split: 'test' });
const table = `\n${format(r)}`;

test('frustration: F1 >= 0.85 and 10 points above every peer row', () => {
  const [rapport, ...others] = r.frustration;
  assert.equal(rapport.mapping, 'rapport');
  // Every peer library under both mappings (best-F1 cut on dev and its
  // conventional negative-sentiment cut), and the everyone-is-frustrated
  // baseline.
  assert.equal(others.filter((p) => p.mapping === 'best-F1').length, 3);
  assert.equal(others.filter((p) => p.mapping === 'conventional').length, 3);
  assert.ok(rapport.f1 >= 0.85, `F1 ${rapport.f1.toFixed(3)}${table}`);
  for (const peer of others) {
    assert.ok(rapport.f1 >= peer.f1 + 0.1, `${peer.name} F1 ${peer.f1.toFixed(3)} vs ${rapport.f1.toFixed(3)}${table}`);
  }
});

// The floor is 0.90 for every measurable finding type, and 95% clean for the
// excellent replies. The test split is the fifteenth batch (500 replies,
// written and labelled twice for it, adjudicated; tests/quality/README.md,
// "Split policy"); it is not tuned on.
test('every measurable finding type has precision >= 0.90', () => {
  assert.ok(r.findings.filter((f) => f.measurable).length >= 14, table);
  for (const f of r.findings) {
    if (!f.measurable) continue;
    assert.ok(f.precision >= 0.9, `${f.type}: precision ${f.precision.toFixed(3)} < 0.90${table}`);
  }
});

test('excellent replies draw no warning at least 95% of the time', () => {
  assert.ok(r.excellent.count >= 20);
  assert.ok(r.excellent.clean >= 0.95, `clean ${(100 * r.excellent.clean).toFixed(1)}%${table}`);
});

test('every finding type of the mapping is reported, measurable or not', () => {
  assert.ok(r.findings.length >= 14);
  for (const f of r.findings) assert.equal(typeof f.measurable, 'boolean', f.type);
});
