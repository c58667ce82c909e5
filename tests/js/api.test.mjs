// The JS API over the wasm build: loading, the report's shape, offsets in
// UTF-16 (what JS indexes), HTML fixes, admin packs and errors as values.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { root, sharedCoach, applyFix } from './helpers.mjs';

const angry =
  "This is the THIRD time I'm writing about order #48213. It still hasn't arrived. Unacceptable!!";

test('createCoach loads the built-in pack and analyze returns the contract', async () => {
  const coach = await sharedCoach();
  assert.match(coach.version, /^\d+\.\d+\.\d+/);
  assert.equal(coach.pack, 'en');
  assert.ok(coach.rules >= 150, `only ${coach.rules} rules`);
  const r = coach.analyze({
    draft: 'Your order is delayed. Unfortunately there is nothing we can do.',
    customerMessages: [angry],
    customerName: 'Maria Lopez',
  });
  assert.ok(r.score >= 0 && r.score <= 100);
  for (const d of ['empathy', 'urgency', 'personalization', 'positivity', 'proactivity', 'closing', 'clarity']) {
    assert.equal(typeof r.dimensions[d].score, 'number', d);
    assert.equal(typeof r.dimensions[d].weight, 'number', d);
  }
  assert.ok(r.customer.frustration >= 0.7);
  assert.equal(r.customer.frustrated, true);
  assert.equal(r.customer.repeatContact, true);
  assert.ok(r.customer.mentions.some((m) => m.type === 'order' && m.text === '48213'));
  assert.ok(r.findings.some((f) => f.ruleId === 'en.empathy.missing_acknowledgement'));
  for (const f of r.findings) {
    assert.ok(['tip', 'warning', 'critical'].includes(f.severity));
    assert.ok(f.start <= f.end);
  }
  assert.equal(typeof r.stats.readingGrade, 'number');
});

test('offsets are UTF-16 units: emoji, combining marks, right-to-left', async () => {
  const coach = await sharedCoach();
  const draft = '😀 Café\u0301 שלום. Unfortunately, the item is sold out.';
  const r = coach.analyze({ draft });
  const f = r.findings.find((x) => /nfortunately/.test(x.quote));
  assert.ok(f, JSON.stringify(r.findings));
  assert.equal(draft.slice(f.start, f.end), f.quote);
});

test('lone surrogates do not break offsets', async () => {
  const coach = await sharedCoach();
  const draft = '\uD800 ok. Unfortunately, no.';
  const r = coach.analyze({ draft });
  const f = r.findings.find((x) => /nfortunately/.test(x.quote));
  assert.ok(f);
  assert.equal(draft.slice(f.start, f.end), f.quote);
});

test('HTML drafts: fixes edit the markup exactly and keep every tag', async () => {
  const coach = await sharedCoach();
  const draft = '<p>Hi there,</p><p><b>Note</b>: Unfortunately, we utilize couriers &amp; they are late.</p>';
  const r = coach.analyze({ draft, format: 'html', customerMessages: [angry], customerName: 'Maria Lopez' });
  const tags = (s) => (s.match(/<[^>]+>/g) ?? []).filter((t) => t !== '<br>');
  const fixes = r.findings.filter((f) => f.fix);
  assert.ok(fixes.length >= 2, JSON.stringify(r.findings, null, 1));
  for (const f of fixes) {
    const fixed = applyFix(draft, f.fix);
    assert.deepEqual(tags(fixed), tags(draft), `${f.ruleId}: ${fixed}`);
  }
  const name = r.findings.find((f) => f.ruleId === 'en.personalization.missing_name');
  assert.ok(name?.fix);
  assert.equal(applyFix(draft, name.fix).slice(0, 16), '<p>Hi Maria,</p>');
});

test('dimensions: only the coached ones raise findings and count', async () => {
  const coach = await sharedCoach();
  const input = {
    draft: 'Your order is delayed. Unfortunately there is nothing we can do.',
    customerMessages: [angry],
    customerName: 'Maria Lopez',
  };
  const some = coach.analyze({ ...input, dimensions: ['clarity', 'personalization'] });
  assert.ok(some.findings.every((f) => ['clarity', 'personalization'].includes(f.dimension)));
  assert.equal(some.dimensions.empathy.coached, false);
  assert.equal(some.dimensions.empathy.weight, 0);
  assert.equal(some.dimensions.clarity.coached, undefined);
  assert.notEqual(some.score, coach.analyze(input).score);
  assert.throws(() => coach.analyze({ ...input, dimensions: ['tone'] }), { code: 'bad_input', message: /tone/ });
  assert.throws(() => coach.analyze({ ...input, dimensions: 'clarity' }), { code: 'bad_input' });
});

test('bad input is a RapportError with a code; the coach keeps working', async () => {
  const coach = await sharedCoach();
  assert.throws(() => coach.analyze({ draft: 42 }), { name: 'RapportError', code: 'bad_input' });
  assert.throws(() => coach.analyze({ draft: 'x', format: 'rtf' }), { code: 'bad_input', message: /format/ });
  assert.throws(() => coach.analyze({ draft: 'x', customerMessages: 'hi' }), { code: 'bad_input' });
  assert.throws(() => coach.analyze(null), { code: 'bad_input' });
  assert.equal(typeof coach.analyze({ draft: 'Thanks!' }).score, 'number');
});

test('huge, empty and hostile drafts give reports', async () => {
  const coach = await sharedCoach();
  assert.equal(coach.analyze({ draft: '' }).score, 0);
  const big = 'Unfortunately we cannot help. '.repeat(40000); // 1.2 MB
  const r = coach.analyze({ draft: big, customerMessages: [big] });
  assert.equal(r.truncated, true);
  assert.equal(r.stats.characters, big.length);
  const hostile = coach.analyze({
    draft: '<img src=x onerror=alert(1)><script>alert(2)</script>\u0000\u202E',
    format: 'html',
    customerName: '"><svg onload=alert(3)>',
  });
  assert.equal(typeof hostile.score, 'number');
});

test('admin packs: valid ones add rules, broken ones are reported and ignored', async () => {
  const { createCoach } = await import(path.join(root, 'dist/rapport.mjs'));
  const pack = {
    pack: 'acme',
    rules: [{
      id: 'acme.clarity.synergy', dimension: 'clarity', kind: 'flag', severity: 'warning',
      patterns: ['\\bsynergy\\b'], message: 'Say what you mean.',
      examples: { match: ['[[synergy]]'], noMatch: ['energy'] },
    }],
    disable: ['en.closing.missing_signoff'],
  };
  const acme = await createCoach({ rules: pack });
  assert.deepEqual(acme.packErrors, []);
  const r = acme.analyze({ draft: 'We value synergy across teams and will fix this for you today, I promise you that.' });
  assert.ok(r.findings.some((f) => f.ruleId === 'acme.clarity.synergy'));
  assert.ok(!r.findings.some((f) => f.ruleId === 'en.closing.missing_signoff'));
  acme.dispose();

  const broken = await createCoach({ rules: { ...pack, rules: [{ ...pack.rules[0], patterns: ['(?<=x)y'] }] } });
  assert.equal(broken.packErrors.length, 1);
  assert.equal(broken.packErrors[0].ruleId, 'acme.clarity.synergy');
  assert.match(broken.packErrors[0].reason, /RE2 rejects/);
  const r2 = broken.analyze({ draft: 'Unfortunately, synergy.' });
  assert.ok(!r2.findings.some((f) => f.ruleId.startsWith('acme.')));
  assert.ok(r2.findings.some((f) => /nfortunately/.test(f.quote)));
  assert.equal(r2.pack.errors.length, 1);
  broken.dispose();
  assert.throws(() => broken.analyze({ draft: 'x' }), { code: 'disposed' });

  const notJson = await createCoach({ rules: '{"pack": ' });
  assert.match(notJson.packErrors[0].reason, /not valid JSON/);
  await assert.rejects(createCoach({ rules: 'fr' }), { code: 'bad_rules' });
});

test('a wasm that cannot be loaded rejects with load_failed', async () => {
  const { createCoach } = await import(path.join(root, 'dist/rapport.mjs'));
  await assert.rejects(createCoach({ wasmBinary: new Uint8Array([0, 1, 2, 3]) }), { code: 'load_failed' });
  const bytes = await readFile(path.join(root, 'dist/rapport.wasm'));
  const ok = await createCoach({ wasmBinary: bytes });
  assert.equal(typeof ok.analyze({ draft: 'Hi' }).score, 'number');
});
