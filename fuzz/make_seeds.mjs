// Writes the seed corpora of the fuzz targets (fuzz/corpus/<target>/) from the
// repository's sample conversations, its labelled replies and customers, and
// a few hand-written HTML drafts and admin packs. Rerun after changing it:
//   node fuzz/make_seeds.mjs
// Files named regression-* are inputs the fuzzers found; this script keeps
// them. An analyze input is draft 0x1E name 0x1E message... (fuzz_util.h).
import { readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';

const root = new URL('..', import.meta.url).pathname;
const SEP = '\x1e';
const jsonl = (p) => readFileSync(root + p, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

function write(target, items) {
  const dir = `${root}fuzz/corpus/${target}`;
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (!f.startsWith('regression-')) rmSync(`${dir}/${f}`);
  for (const item of items) {
    const name = createHash('sha1').update(item).digest('hex').slice(0, 16);
    writeFileSync(`${dir}/seed-${name}`, item);
  }
  console.log(`${target}: ${items.length} seeds`);
}
const analyzeInput = (c) => [c.draft, c.customerName ?? '', ...(c.customerMessages ?? [])].join(SEP);

const parity = jsonl('tests/data/parity.jsonl');
const samples = jsonl('samples/conversations.jsonl');
const replies = jsonl('tests/quality/replies.jsonl');
const customers = jsonl('tests/quality/customers.jsonl');
const every = (list, n) => list.filter((_, i) => i % Math.ceil(list.length / n) === 0);

// Plain-text drafts: the parity and sample conversations, a spread of the
// labelled replies with their customer, and a few odd shapes.
const text = [
  ...[...parity, ...samples].filter((c) => c.format !== 'html').map(analyzeInput),
  ...every(replies, 16).map((r) => analyzeInput({ draft: r.draft, customerName: r.customerName, customerMessages: [r.customer] })),
  ...every(customers, 4).map((c) => analyzeInput({ draft: 'Hi, thanks for writing in.', customerMessages: [c.text] })),
  'PLEASE READ THE EMAIL AGAIN. AS I SAID BEFORE, WE CANNOT DO THIS.',
  'Hi Ann,\n\n- step one\n- step two\n\nBest,\nSam',
  'e.g. i.e. Dr. Mr. etc. vs. U.S.A. 3.14 ... ?!?! ...',
  'Unfortunately\u202e we can\u2019t \u0645\u0631\u062d\u0628\u0627 \ud83d\ude00 caf\u00e9 na\u00efve',
];
// HTML drafts: Zendesk rich text, entities, broken markup, nesting.
const html = [
  ...[...parity, ...samples].filter((c) => c.format === 'html').map(analyzeInput),
  ...every(replies, 10).map((r) => analyzeInput({
    draft: r.draft.split('\n\n').map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>')}</p>`).join(''),
    customerName: r.customerName, customerMessages: [r.customer] })),
  '<div class="zd-comment"><p dir="auto">Hi <b>Maria</b>,</p><ul><li>one</li><li>two</li></ul><p>Best,<br/>Sam</p></div>',
  '<p>Unfortunately &amp; &lt;b&gt; &#39; &#x1F600; &nbsp;&hellip; &bogus; &#xZZ; &#99999999;</p>',
  '<script>alert(1)</script><style>p{}</style><!-- a comment --><p onclick="x()">Sorry</p>',
  '<p>Unclosed <b <i>tags</p <<>> </ p> <br/ > <img src=x onerror=alert(1)>',
  '<blockquote><blockquote><div><div><p><span><b><i>deep</i></b></span></p></div></div></blockquote></blockquote>',
  '<table><tr><td>Order</td><td>#48213</td></tr></table><pre>  code\n  here</pre><h1>Title</h1>',
  '<a href="javascript:alert(1)">click</a> <a href="https://example.com/?a=1&amp;b=2">link</a>',
  '<p>I\u2019m sorry \u202e\u2066RTL\u2069 \ud83d\ude00</p><![CDATA[x]]><?php ?>',
];
// Admin packs: the e2e pack, the README's shapes, and small variations.
const rule = (over = {}) => ({
  id: 'acme.empathy.hear_you', dimension: 'empathy', kind: 'credit', tags: ['acknowledgement'],
  patterns: ['\\bI hear you\\b'], message: 'Good: you acknowledge the customer.',
  examples: { match: ['[[I hear you]], that is annoying.'], noMatch: ['I see.'] }, ...over });
const packs = [
  readFileSync(root + 'tests/e2e/fixtures/critical-pack.json', 'utf8'),
  { pack: 'acme', rules: [rule()] },
  { pack: 'acme', disable: ['en.positivity.unfortunately'], weights: {}, checks: { 'en.closing.missing_signoff': { severity: 'tip' } } },
  { pack: 'acme', rules: [rule({ id: 'acme.positivity.no_problem', dimension: 'positivity', kind: 'flag', severity: 'warning', tags: ['negative'],
    patterns: ['\\bno problem\\b'], fix: { op: 'replace', text: 'happy to help' },
    examples: { match: ['[[No problem]] at all.'], noMatch: ['Happy to help.'] } })] },
  { pack: 'acme', rules: [rule({ id: 'acme.customer.vip', dimension: 'customer', kind: 'signal', signal: 'churnRisk', tags: undefined, message: undefined,
    patterns: ['\\bcancel (my|our) (plan|subscription)\\b'], examples: { match: ['I will [[cancel my plan]].'], noMatch: ['Plan ahead.'] } })] },
  { pack: 'acme', rules: [rule({ id: 'acme.customer.invoice', dimension: 'customer', kind: 'mention', mentionType: 'order', tags: undefined, message: undefined,
    patterns: ['\\binvoice (INV-\\d+)'], examples: { match: ['See invoice [[INV-123]].'], noMatch: ['No invoice.'] } })] },
  { pack: 'acme', rules: [rule({ id: 'acme.closing.cheers', dimension: 'closing', kind: 'credit', tags: ['signoff'], where: 'closing',
    patterns: ['^Cheers,?$'], examples: { match: ['Thanks.\nAll good.\n[[Cheers,]]'], noMatch: ['Cheers to that, we said.'] } })] },
  { pack: 'acme', rules: [rule({ caseSensitive: true, weight: 5, patterns: ['\\bASAP\\b', '(?i:soon)'] })] },
  { pack: 'acme', settings: { creditPoints: 30, frustratedAt: 0.3, dimensions: { empathy: { base: 30, weight: 2 } } } },
  { pack: 'acme', rules: [rule({ patterns: ['(a+)+$'] })] },
  { pack: 'acme', rules: [rule({ patterns: ['(?<=x)y'] })] },
  { pack: 'acme', rules: [rule({ id: 'en.empathy.hear_you' })] },
  { pack: 'en', rules: [] },
  { pack: 'acme', rules: [rule({ examples: { match: ['no span'], noMatch: ['[[x]]'] } })] },
  { pack: 'acme', disable: [42, 'no.such.rule'], weights: { 'en.urgency.asap': 9 } },
  '{"pack": "acme", "rules": [', '[]', '{}', 'null', '{"pack": "\\ud800"}',
].map((p) => (typeof p === 'string' ? p : JSON.stringify(p, null, 1)));
write('analyze_text', text);
write('analyze_html', html);
write('pack_load', packs);
