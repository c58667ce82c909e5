// Unit tests of the app's pure modules: settings, the send check, edits to
// the draft, text helpers, and reading the Zendesk conversation.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSettings, DIMENSIONS } from '../../js-shim/settings.mjs';
import { createSendCheck } from '../../js-shim/send-check.mjs';
import { moodChips, orderedFindings, scoreWord } from '../../js-shim/coaching.mjs';
import { applyFix, fixPreview, insertClosing, insertOpening, acknowledgement, hasSignoff, sameFinding } from '../../js-shim/edits.mjs';
import { escapeHtml, htmlToText, isBlankDraft, shorten, firstName } from '../../js-shim/text.mjs';
import { customerMessagesFrom } from '../../js-shim/hosts/zendesk.mjs';
import { createScheduler } from '../../js-shim/scheduler.mjs';

const dims = (score) => Object.fromEntries(DIMENSIONS.map((d) => [d, { score, weight: 1 }]));
const report = (score, findings = []) => ({ score, dimensions: dims(score), findings });
const critical = { ruleId: 'en.positivity.blame', dimension: 'positivity', severity: 'critical', message: 'Do not blame the customer. Say what you can do.', quote: 'you should have', start: 0, end: 15 };
const tip = { ruleId: 'en.closing.x', dimension: 'closing', severity: 'tip', message: 'End warmly.', quote: 'Bye', start: 20, end: 23 };

test('settings: defaults, modes, threshold, dimensions', () => {
  assert.deepEqual(parseSettings(undefined), { mode: 'warn', threshold: 60, customRules: '', dimensions: DIMENSIONS, notes: [] });
  assert.equal(parseSettings({ sendCheck: 'Block ' }).mode, 'block');
  const odd = parseSettings({ sendCheck: 'sometimes', scoreThreshold: 'high' });
  assert.equal(odd.mode, 'warn');
  assert.equal(odd.threshold, 60);
  assert.equal(odd.notes.length, 2);
  assert.equal(parseSettings({ scoreThreshold: '75' }).threshold, 75);
  assert.equal(parseSettings({ scoreThreshold: 250 }).threshold, 100);
  assert.deepEqual(parseSettings({ coachClarity: false, coachClosing: 'false' }).dimensions, DIMENSIONS.filter((d) => d !== 'clarity' && d !== 'closing'));
  const none = parseSettings(Object.fromEntries(DIMENSIONS.map((d) => [`coach${d[0].toUpperCase()}${d.slice(1)}`, false])));
  assert.deepEqual(none.dimensions, DIMENSIONS);
});

test('send check: off never holds', () => {
  const check = createSendCheck({ mode: 'off', threshold: 60, dimensions: DIMENSIONS });
  assert.equal(check.decide(report(10, [critical])), null);
});

test('send check: warn holds a weak reply once, then lets it go within a minute', () => {
  let now = 1_000_000;
  const check = createSendCheck({ mode: 'warn', threshold: 60, dimensions: DIMENSIONS }, { now: () => now });
  assert.equal(check.decide(report(80, [tip])), null);
  const held = check.decide(report(40, [tip]));
  assert.match(held.message, /scores 40 \(below 60\)/);
  assert.match(held.message, /End warmly\./);
  now += 30_000;
  assert.equal(check.decide(report(40, [tip])), null, 'second send within a minute goes through');
  now += 1_000;
  assert.ok(check.decide(report(40, [tip])), 'the next weak reply is held again');
  now += 61_000;
  assert.ok(check.decide(report(40, [tip])), 'after a minute it is held again');
});

test('send check: warn holds a good score with a critical finding', () => {
  const check = createSendCheck({ mode: 'warn', threshold: 60, dimensions: DIMENSIONS });
  assert.match(check.decide(report(90, [critical])).message, /critical issue.*Do not blame the customer\./);
});

test('send check: block holds only critical findings, every time, with the reason', () => {
  const check = createSendCheck({ mode: 'block', threshold: 60, dimensions: DIMENSIONS });
  assert.equal(check.decide(report(5, [tip])), null);
  const first = check.decide(report(90, [critical]));
  assert.match(first.message, /"you should have": Do not blame the customer\./);
  assert.ok(check.decide(report(90, [critical])), 'still held the second time');
});

test('send check: findings of dimensions that are not coached are ignored', () => {
  const check = createSendCheck({ mode: 'block', threshold: 60, dimensions: DIMENSIONS.filter((d) => d !== 'positivity') });
  assert.equal(check.decide(report(90, [critical])), null);
});

test('coaching: words, chips and order', () => {
  assert.equal(scoreWord(59), 'Needs work');
  assert.equal(scoreWord(60), 'Good');
  assert.equal(scoreWord(79), 'Good');
  assert.equal(scoreWord(80), 'Excellent');
  assert.deepEqual(moodChips({ frustrated: true, urgent: false, repeatContact: true, churnRisk: true }).map((c) => c.id), ['frustrated', 'repeat', 'churn']);
  assert.deepEqual(orderedFindings([tip, critical]).map((f) => f.severity), ['critical', 'tip']);
});

test('edits: applying a fix changes only its span', () => {
  const draft = '<p>Hi,</p><p>Calm down, it ships soon.</p>';
  const fix = { op: 'replace', start: 13, end: 23, text: 'I understand,' };
  assert.equal(applyFix(draft, fix), '<p>Hi,</p><p>I understand, it ships soon.</p>');
  assert.equal(applyFix('abc', { op: 'insert', start: 1, end: 1, text: 'X' }), 'aXbc');
  assert.throws(() => applyFix('abc', { op: 'insert', start: 5, end: 5, text: 'X' }), RangeError);
});

test('edits: the fix preview reads as words', () => {
  const d = 'Unfortunately, per our policy we utilize couriers.';
  assert.equal(fixPreview(d, 'text', { op: 'replace', start: 0, end: 16, text: 'P' }), 'Change \u201cUnfortunately, per\u201d to \u201cPer\u201d');
  assert.equal(fixPreview(d, 'text', { op: 'replace', start: 33, end: 40, text: 'use' }), 'Change \u201cutilize\u201d to \u201cuse\u201d');
  assert.equal(fixPreview(d, 'text', { op: 'replace', start: 15, end: 30, text: '' }), 'Remove \u201cper our policy\u201d');
  assert.equal(fixPreview('<p>Hi</p>', 'html', { op: 'insert', start: 3, end: 3, text: 'Hi &amp; welcome, ' }), 'Insert \u201cHi & welcome,\u201d');
  assert.equal(fixPreview('<p>Sadly, no.</p>', 'html', { op: 'replace', start: 3, end: 11, text: 'N' }), 'Change \u201cSadly, no.\u201d to \u201cNo.\u201d');
});

test('edits: sameFinding finds the finding again after the draft moved', () => {
  const f = { ruleId: 'r', quote: 'q', start: 10, end: 11, fix: { op: 'insert', start: 10, end: 10, text: 'x' } };
  const moved = { ...f, start: 14, end: 15, fix: { ...f.fix, start: 14, end: 14 } };
  assert.equal(sameFinding({ findings: [moved] }, f), moved);
  assert.equal(sameFinding({ findings: [] }, f), null);
});

test('edits: the acknowledgement goes after a greeting, and the name is escaped in HTML', () => {
  const ack = acknowledgement('<b>Eve</b> Smith', { repeatContact: true });
  assert.match(ack, /<b>Eve<\/b>/);
  const html = insertOpening('<p>Hi Eve,</p><p>Your order ships today.</p>', 'html', ack);
  assert.equal(html.text, `<p>Hi Eve,</p><p>${escapeHtml(ack)}</p><p>Your order ships today.</p>`);
  assert.doesNotMatch(html.text, /<b>/);
  const text = insertOpening('Hi Eve,\n\nYour order ships today.', 'text', 'Sorry!');
  assert.equal(text.text, 'Hi Eve,\n\nSorry!\n\nYour order ships today.');
  assert.equal(insertOpening('Your order ships today.', 'text', 'Sorry!').text, 'Sorry!\n\nYour order ships today.');
  assert.equal(insertOpening('', 'html', 'Sorry & thanks').text, '<p>Sorry &amp; thanks</p>');
  assert.equal(insertOpening('Hi Eve,<br><br>It ships today.', 'html', 'Sorry!').text, 'Hi Eve,<br><br>Sorry!<br><br>It ships today.');
});

test('edits: the closing goes before a sign-off, or at the end', () => {
  assert.equal(insertClosing('<p>It ships today.</p><p>Best regards,</p><p>Sam</p>', 'html', 'Anything else?').text,
    '<p>It ships today.</p><p>Anything else?</p><p>Best regards,</p><p>Sam</p>');
  assert.equal(insertClosing('It ships today.', 'text', 'Anything else?').text, 'It ships today.\n\nAnything else?');
  assert.equal(insertClosing('<p>It ships today.</p>', 'html', 'A\nB').text, '<p>It ships today.</p><p>A<br>B</p>');
  assert.equal(hasSignoff('It ships.\n\nThanks,\nSam', 'text'), true);
  assert.equal(hasSignoff('It ships.', 'text'), false);
});

test('text helpers', () => {
  assert.equal(htmlToText('<p>Hi&nbsp;<b>Ann</b>,</p><p>a &lt;b&gt; c<br />d</p><script>x()</script>'), 'Hi Ann,\na <b> c\nd');
  assert.equal(escapeHtml(`<img src=x onerror="a('b')">&`), '&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
  assert.equal(isBlankDraft('<p><br></p>', 'html'), true);
  assert.equal(isBlankDraft('<p>&nbsp;</p>', 'html'), true);
  assert.equal(isBlankDraft('<p>x</p>', 'html'), false);
  assert.equal(shorten('a'.repeat(100), 10).length, 10);
  assert.equal(firstName('  Maria  Lopez '), 'Maria');
});

test('conversation: only end-user messages, oldest first, at most three, HTML as text', () => {
  const conv = [
    { author: { role: 'end-user' }, message: { content: 'one' } },
    { author: { role: 'agent' }, message: { content: 'agent reply' } },
    { author: { role: 'end-user' }, message: { content: '<p>two &amp; <b>more</b></p>', contentType: 'text/html' } },
    { author: { role: 'end-user' }, message: { content: 'three' } },
    { author: { role: 'end-user' }, message: { content: 'four' } },
    null,
    { author: {}, message: {} },
  ];
  assert.deepEqual(customerMessagesFrom(conv), ['two & more', 'three', 'four']);
  assert.deepEqual(customerMessagesFrom(undefined), []);
});

test('scheduler: runs at once when idle, coalesces a burst, always runs after the last request', async () => {
  let runs = 0;
  const s = createScheduler(async () => {
    runs += 1;
  }, { minGap: 30 });
  s.request();
  await Promise.resolve();
  await Promise.resolve();
  assert.equal(runs, 1, 'ran at once');
  for (let i = 0; i < 10; i++) s.request();
  await new Promise((r) => setTimeout(r, 80));
  assert.equal(runs, 2, 'one more run for the whole burst');
});
