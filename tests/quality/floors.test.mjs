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

// The floor is 0.90 for every measurable finding type. Three types do not
// reach it on the test split although dev-only calibration took them to
// 0.96 (refusal), 0.97 (refusal without alternative) and 1.00 (blame) on
// dev, and their test numbers did not move: the test false positives are of
// kinds dev no longer contains, and the test split is not tuned on. Each is
// held as a ratchet at its measured test level (issue 4) so that it cannot
// drop unnoticed: raise the number, or delete the entry, when it improves.
// A second round (180 more dev replies on refusals and blame, tuning on dev
// only; dev now 0.96 / 0.96 / 1.00) moved the test split by one finding each
// way: refusal 23/3 -> 22/3, refusal without alternative 11/6 -> 10/5.
// Every other type, "not proactive" included, is held to the real 0.90.
const RATCHET = {
  'refusal': 0.88, // 22 TP / 3 FP = 0.880 (earlier analysis: a "no" on a side point)
  'refusal without alternative': 0.66, // 10 TP / 5 FP = 0.667 (earlier analysis: ways forward the lexicon misses)
  'blame': 0.87, // 7 TP / 1 FP = 0.875: one false positive among 8 findings
};

test('every measurable finding type has precision >= 0.90 (three held at their measured level)', () => {
  for (const f of r.findings) {
    if (!f.measurable) continue;
    const floor = RATCHET[f.type] ?? 0.9;
    assert.ok(f.precision >= floor, `${f.type}: precision ${f.precision.toFixed(3)} < ${floor}${table}`);
  }
});

test('the ratchets hold only types still below the real floor', () => {
  for (const [type, level] of Object.entries(RATCHET)) {
    const f = r.findings.find((x) => x.type === type);
    assert.ok(f, type);
    assert.ok(level < 0.9 && f.precision < 0.9, `${type} reaches 0.90 now: delete its ratchet`);
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
