// The rapport CLI as a user runs it: help, analyze, batch with bad lines, and
// rules check on good and broken packs.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root, runCli } from './helpers.mjs';

const sample = (f) => path.join(root, 'samples', f);

test('--help for the tool and each command; unknown commands fail', () => {
  for (const args of [['--help'], ['analyze', '--help'], ['batch', '--help'], ['rules', '--help']]) {
    const r = runCli(args);
    assert.equal(r.status, 0, args.join(' '));
    assert.match(r.stdout, /Usage/);
  }
  const bad = runCli(['frobnicate']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown command 'frobnicate'/);
  assert.equal(runCli([]).status, 2);
});

test('analyze prints JSON, or a readable summary with --pretty', () => {
  const args = ['analyze', '--draft', sample('cold_reply.txt'), '--customer', sample('angry_customer.txt'), '--name', 'Maria Lopez'];
  const json = runCli(args);
  assert.equal(json.status, 0, json.stderr);
  const report = JSON.parse(json.stdout);
  assert.ok(report.score < 50);
  const pretty = runCli([...args, '--pretty']);
  assert.match(pretty.stdout, /^Score \d+\/100 {2}Needs work/);
  assert.match(pretty.stdout, /repeat contact/);
  assert.match(pretty.stdout, /en\.empathy\.missing_acknowledgement/);
});

test('analyze reports usage errors and unreadable files with exit 2', () => {
  const missing = runCli(['analyze']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /--draft FILE is required/);
  const unreadable = runCli(['analyze', '--draft', '/nonexistent/draft.txt']);
  assert.equal(unreadable.status, 2);
  assert.match(unreadable.stderr, /cannot read \/nonexistent\/draft.txt/);
  const format = runCli(['analyze', '--draft', sample('cold_reply.txt'), '--format', 'rtf']);
  assert.equal(format.status, 2);
});

test('batch writes one line per input, names bad lines and goes on', () => {
  const input = [
    '{"draft": "Thanks, Ann! It ships today.", "customerName": "Ann"}',
    '{"draft": ',
    '',
    '{"draft": 7}',
    '{"draft": "Unfortunately no."}',
  ].join('\n');
  const r = runCli(['batch'], input);
  assert.equal(r.status, 1);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 4); // the blank line is skipped
  assert.equal(typeof lines[0].score, 'number');
  assert.equal(lines[1].line, 2);
  assert.equal(lines[1].error.code, 'bad_input');
  assert.equal(lines[2].line, 4);
  assert.equal(typeof lines[3].score, 'number');
  assert.match(r.stderr, /line 2: .*syntax error/);
  assert.match(r.stderr, /line 4: "draft" must be a string/);
  assert.match(r.stderr, /2 of 5 lines failed/);
  const file = runCli(['batch', sample('conversations.jsonl')]);
  assert.equal(file.status, 0, file.stderr);
  assert.equal(file.stdout.trim().split('\n').length, 3);
});

test('rules check passes the default pack and names file, rule and reason otherwise', () => {
  const ok = runCli(['rules', 'check', path.join(root, 'rules/en')]);
  assert.equal(ok.status, 0, ok.stderr);
  const rules = Number(ok.stdout.match(/(\d+) rules/)[1]);
  assert.ok(rules >= 150, ok.stdout);
  assert.match(ok.stdout, /all examples pass/);

  const dir = mkdtempSync(path.join(tmpdir(), 'rapport-pack-'));
  for (const f of readdirSync(path.join(root, 'rules/en'))) {
    if (f.endsWith('.json')) copyFileSync(path.join(root, 'rules/en', f), path.join(dir, f));
  }
  writeFileSync(path.join(dir, 'zz_broken.json'), JSON.stringify({
    pack: 'en',
    rules: [
      { id: 'en.clarity.lookbehind', dimension: 'clarity', kind: 'flag', severity: 'tip',
        patterns: ['(?<=a)b'], message: 'm', examples: { match: ['a[[b]]'], noMatch: ['c'] } },
      { id: 'en.clarity.no_examples', dimension: 'clarity', kind: 'flag', severity: 'tip',
        patterns: ['x'], message: 'm' },
    ],
  }));
  const bad = runCli(['rules', 'check', dir]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /zz_broken\.json: en\.clarity\.no_examples: missing "examples"/);
  const syntax = path.join(dir, 'zz_broken.json');
  writeFileSync(syntax, '{"pack": "en", "rules": [}');
  const bad2 = runCli(['rules', 'check', dir]);
  assert.equal(bad2.status, 1);
  assert.match(bad2.stderr, /zz_broken\.json: not valid JSON: parse error at line 1, column \d+: syntax error/);
  writeFileSync(syntax, JSON.stringify({ pack: 'en', rules: [
    { id: 'en.clarity.lookbehind', dimension: 'clarity', kind: 'flag', severity: 'tip',
      patterns: ['(?<=a)b'], message: 'm', examples: { match: ['a[[b]]'], noMatch: ['c'] } }] }));
  const bad3 = runCli(['rules', 'check', dir]);
  assert.equal(bad3.status, 1);
  assert.match(bad3.stderr, /en\.clarity\.lookbehind: RE2 rejects pattern/);
  assert.equal(runCli(['rules', 'check', '/nonexistent']).status, 2);
});
