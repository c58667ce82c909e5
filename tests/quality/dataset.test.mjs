// The labelled dataset itself (tests/quality/README.md): every row has the
// fields and labels its schema promises, the label constraints hold, and the
// adjudication log agrees with the labels it decided. A hand edit that breaks
// one of these fails here rather than skewing the quality numbers.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const readJsonl = (name) =>
  readFileSync(path.join(here, name), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l);
      } catch (e) {
        throw new Error(`${name}:${i + 1}: ${e.message}`);
      }
    });

const REPLY_LABELS = [
  'acknowledgement', 'timeCommitment', 'vagueTime', 'ownership', 'usesName', 'negativeEnding', 'blame',
  'condescension', 'shouting', 'refusal', 'refusalWithoutAlternative', 'offerHelp', 'signoff', 'proactive',
  'jargon', 'template',
];
// What an excellent reply must have, and must not have (README, "excellent").
const EXCELLENT_NEEDS = ['usesName', 'offerHelp', 'signoff'];
const EXCELLENT_EXCLUDES = [
  'blame', 'condescension', 'shouting', 'negativeEnding', 'refusalWithoutAlternative', 'jargon', 'template',
  'vagueTime',
];
const DOMAINS = ['ecommerce', 'saas', 'telecom', 'travel', 'banking', 'utilities'];

const customers = readJsonl('customers.jsonl');
const replies = readJsonl('replies.jsonl');

// What every row of both files has: a unique id, a domain and a split.
function assertRowBasics(rows) {
  const ids = new Set();
  for (const row of rows) {
    assert.ok(!ids.has(row.id), `duplicate id ${row.id}`);
    ids.add(row.id);
    assert.ok(DOMAINS.includes(row.domain), row.id);
    assert.ok(['dev', 'test'].includes(row.split), row.id);
  }
}

test('customer messages have their fields and label values', () => {
  assertRowBasics(customers);
  for (const c of customers) {
    assert.ok(['none', 'mild', 'high'].includes(c.frustration), c.id);
    for (const k of ['urgency', 'repeatContact', 'churnRisk']) assert.equal(typeof c[k], 'boolean', `${c.id} ${k}`);
    assert.ok(typeof c.text === 'string' && c.text.trim().length > 0, c.id);
  }
});

test('replies have all 16 labels, and the label constraints hold', () => {
  assertRowBasics(replies);
  for (const r of replies) {
    assert.deepEqual(Object.keys(r.labels).sort(), [...REPLY_LABELS].sort(), r.id);
    for (const k of REPLY_LABELS) assert.equal(typeof r.labels[k], 'boolean', `${r.id} ${k}`);
    assert.equal(typeof r.excellent, 'boolean', r.id);
    if (r.labels.refusalWithoutAlternative) assert.ok(r.labels.refusal, `${r.id}: without alternative, not a refusal`);
    if (r.excellent) {
      for (const k of EXCELLENT_NEEDS) assert.ok(r.labels[k], `${r.id}: excellent without ${k}`);
      for (const k of EXCELLENT_EXCLUDES) assert.ok(!r.labels[k], `${r.id}: excellent with ${k}`);
    }
  }
});

test('each batch of replies is in the split the README gives it', () => {
  // r3115-r3614: test only (written and labelled twice for the test split);
  // everything before it is dev (calibration), including the former test
  // split (r0655-r0894 and part of r0001-r0474), retired to dev.
  const number = (r) => Number(r.id.slice(1));
  for (const r of replies) {
    assert.equal(r.split, number(r) >= 3115 && number(r) <= 3614 ? 'test' : 'dev', r.id);
  }
  assert.ok(replies.filter((r) => r.split === 'test').length >= 400);
});

test('every adjudicated label is the label in replies.jsonl, and was a real disagreement', () => {
  const byId = new Map(replies.map((r) => [r.id, r]));
  const log = readJsonl('adjudication.jsonl');
  assert.ok(log.length > 0);
  const decided = new Set();
  for (const e of log) {
    const r = byId.get(e.id);
    assert.ok(r, `${e.id} is not in replies.jsonl`);
    assert.ok(!decided.has(`${e.id} ${e.label}`), `${e.id} ${e.label} is decided twice`);
    decided.add(`${e.id} ${e.label}`);
    assert.ok(typeof e.reason === 'string' && e.reason.trim(), `${e.id} ${e.label}: no reason`);
    assert.notEqual(e.first, e.second, `${e.id} ${e.label}: the labellers agreed`);
    const actual = e.label === 'excellent' ? r.excellent : r.labels[e.label];
    assert.equal(actual, e.final, `${e.id} ${e.label}`);
  }
});
