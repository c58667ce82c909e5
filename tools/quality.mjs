#!/usr/bin/env node
// The coaching-quality harness: runs Rapport over the labelled set in
// tests/quality/ and prints, for one split (default: test), precision, recall
// and F1 of each customer signal and each finding type, the warning rate on
// excellent replies, how well the dimension scores agree with the labels, and
// three JS sentiment libraries (vader-sentiment, sentiment/AFINN,
// wink-sentiment) mapped to "frustrated or not" on the same messages, each
// both with its best-F1 threshold on dev and with its conventional
// negative-sentiment cut.
//
//   npm run quality                      # the test split, wasm build (dist/)
//   node tools/quality.mjs --split dev   # tune on dev only
//   node tools/quality.mjs --engine native --details   # the CLI, with errors
//   node tools/quality.mjs --split dev --replies new.jsonl   # a fresh batch
//
// Calibration looks at dev only; the test split is reported, not tuned on.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import Sentiment from 'sentiment';
import vader from 'vader-sentiment';
import winkSentiment from 'wink-sentiment';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Customer messages are analysed with this neutral draft: the customer
// signals do not depend on the draft.
const NEUTRAL_DRAFT = 'Thanks for your message.';

// Frustration labels are none / mild / high. "Frustrated or not" is
// mild-or-high vs none: Rapport's `frustrated` flag decides whether the reply
// must acknowledge how the customer feels, and an annoyed, disappointed or
// impatient customer ("mild") deserves that as much as an angry one.
export const FRUSTRATED_LABELS = new Set(['mild', 'high']);

// Customer signals: the report field vs the label.
export const CUSTOMER_SIGNALS = [
  { name: 'frustration (mild|high)', predicted: (c) => c.frustrated, label: (x) => FRUSTRATED_LABELS.has(x.frustration) },
  { name: 'urgency', predicted: (c) => c.urgent, label: (x) => x.urgency },
  { name: 'repeatContact', predicted: (c) => c.repeatContact, label: (x) => x.repeatContact },
  { name: 'churnRisk', predicted: (c) => c.churnRisk, label: (x) => x.churnRisk },
];

const rx = (...ids) => ids.map((id) => `en.${id}`);

// Finding types and the reply label each one is measured against. A finding
// type is "present" in a reply when any of its rules raised a finding there.
// `expected` narrows recall to the replies where the finding can be raised at
// all (checks that need a frustrated or urgent customer, or a minimum length);
// precision counts every finding raised. Precision is P(label | finding).
export const FINDING_TYPES = [
  {
    type: 'missing acknowledgement', label: 'acknowledgement = false',
    rules: rx('empathy.missing_acknowledgement'),
    truth: (l) => !l.acknowledgement,
    expected: (rep) => rep.customer.frustrated || rep.customer.repeatContact,
  },
  {
    type: 'missing time commitment', label: 'timeCommitment = false',
    rules: rx('urgency.missing_time_commitment'),
    truth: (l) => !l.timeCommitment,
    expected: (rep) => rep.customer.urgent || rep.customer.repeatContact,
  },
  {
    type: 'vague time', label: 'vagueTime',
    rules: rx('urgency.soon', 'urgency.shortly', 'urgency.asap', 'urgency.in_due_course'),
    truth: (l) => l.vagueTime,
  },
  {
    type: 'missing ownership', label: 'ownership = false',
    rules: rx('urgency.missing_ownership'),
    truth: (l) => !l.ownership,
    expected: (rep) => (rep.customer.frustrated || rep.customer.urgent || rep.customer.repeatContact) &&
      rep.stats.words >= 12,
  },
  {
    type: 'missing name', label: 'usesName = false',
    rules: rx('personalization.missing_name'),
    truth: (l) => !l.usesName,
    expected: (rep) => rep.stats.words >= 5,
  },
  {
    type: 'template', label: 'template',
    rules: rx('personalization.dear_customer', 'personalization.to_whom', 'personalization.empty_name',
      'personalization.placeholder', 'personalization.call_important', 'personalization.value_business',
      'personalization.received_your', 'personalization.hope_finds_well', 'personalization.automated',
      'personalization.regret_to_inform', 'personalization.corporate_boilerplate',
      'personalization.feedback_noted', 'personalization.rest_assured', 'personalization.refer_to_website',
      'personalization.thanks_for_choosing', 'personalization.team_will_be_in_touch',
      'personalization.range_of', 'empathy.robotic_apology', 'closing.sorry_inconvenience_end'),
    truth: (l) => l.template,
  },
  {
    type: 'refusal', label: 'refusal',
    rules: rx('positivity.cant_refusal', 'positivity.we_dont', 'positivity.not_possible',
      'positivity.against_policy', 'positivity.denied', 'positivity.cant_be_done', 'positivity.only_rule',
      'positivity.not_going_to'),
    truth: (l) => l.refusal,
  },
  {
    type: 'refusal without alternative', label: 'refusalWithoutAlternative',
    rules: rx('positivity.refusal_without_alternative'),
    truth: (l) => l.refusalWithoutAlternative,
  },
  {
    type: 'negative ending', label: 'negativeEnding',
    rules: rx('closing.negative_ending', 'closing.cannot_help_further', 'closing.no_further_action'),
    truth: (l) => l.negativeEnding,
  },
  {
    type: 'blame', label: 'blame',
    rules: rx('positivity.blame_should_have', 'positivity.blame_fault', 'positivity.blame_you_failed',
      'positivity.blame_you_caused', 'positivity.blame_your_doing', 'positivity.blame_your_side'),
    truth: (l) => l.blame,
  },
  {
    type: 'condescension', label: 'condescension',
    rules: rx('positivity.as_i_said', 'positivity.calm_down', 'positivity.tone_policing',
      'positivity.obviously', 'positivity.clearly_you', 'positivity.youre_wrong', 'positivity.its_simple',
      'positivity.anyone_can', 'positivity.sarcasm'),
    truth: (l) => l.condescension,
  },
  {
    type: 'shouting', label: 'shouting',
    rules: rx('positivity.shouting'),
    truth: (l) => l.shouting,
  },
  {
    type: 'jargon', label: 'jargon',
    rules: rx('clarity.as_per', 'clarity.kindly', 'clarity.be_advised', 'clarity.herewith',
      'clarity.henceforth', 'clarity.hereby', 'clarity.legalese', 'clarity.prior_to', 'clarity.utilize',
      'clarity.utilized', 'clarity.utilizing', 'clarity.utilization', 'clarity.revert',
      'clarity.do_the_needful', 'clarity.please_advise', 'clarity.in_receipt_of', 'clarity.find_attached',
      'clarity.with_regard_to', 'clarity.further_to', 'clarity.ascertain', 'clarity.commence',
      'clarity.endeavour', 'clarity.due_to_fact', 'clarity.in_the_event'),
    truth: (l) => l.jargon,
  },
  {
    type: 'missing offer of help', label: 'offerHelp = false',
    rules: rx('closing.missing_offer_help'),
    truth: (l) => !l.offerHelp,
    expected: (rep) => rep.stats.words >= 20,
  },
  {
    type: 'missing sign-off', label: 'signoff = false',
    rules: rx('closing.missing_signoff'),
    truth: (l) => !l.signoff,
    expected: (rep) => rep.stats.words >= 20,
  },
  {
    type: 'not proactive', label: 'proactive = false',
    rules: rx('proactivity.missing'),
    truth: (l) => !l.proactive,
    expected: (rep) => rep.stats.words >= 35,
  },
];

// Below this many label positives in the split, or this many findings
// raised, a precision is reported but not held to the floor: it is noise.
export const MIN_POSITIVES = 5;
export const MIN_RAISED = 3;

// Each dimension score against the labels that say the dimension is done well.
export const DIMENSION_LABELS = [
  { dimension: 'empathy', label: 'acknowledgement', good: (l) => l.acknowledgement },
  { dimension: 'urgency', label: 'timeCommitment and not vagueTime', good: (l) => l.timeCommitment && !l.vagueTime },
  { dimension: 'personalization', label: 'usesName and not template', good: (l) => l.usesName && !l.template },
  {
    dimension: 'positivity', label: 'no blame, condescension, shouting, refusal w/o alternative',
    good: (l) => !l.blame && !l.condescension && !l.shouting && !l.refusalWithoutAlternative,
  },
  { dimension: 'proactivity', label: 'proactive', good: (l) => l.proactive },
  { dimension: 'closing', label: 'offerHelp, signoff, no negativeEnding', good: (l) => l.offerHelp && l.signoff && !l.negativeEnding },
  { dimension: 'clarity', label: 'not jargon', good: (l) => !l.jargon },
  { dimension: 'score', label: 'excellent', good: (l, x) => x.excellent },
];

// The peers: one number per message, lower = more negative. Each peer is
// mapped to "frustrated or not" twice: with its best-F1 threshold on dev
// (the fairest cut the dev labels allow), and with the library's own
// conventional reading, negative sentiment = frustrated (`conventional`, the
// cut a user of the library would take without labels).
const afinn = new Sentiment();
export const PEERS = [
  {
    name: 'vader-sentiment 1.1.3 (compound)', score: (t) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound,
    conventional: { cut: '<= -0.05', frustrated: (t) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound <= -0.05 },
  },
  {
    name: 'sentiment 5.0.2 (AFINN comparative)', score: (t) => afinn.analyze(t).comparative,
    conventional: { name: 'sentiment 5.0.2 (AFINN score)', cut: '< 0', frustrated: (t) => afinn.analyze(t).score < 0 },
  },
  {
    name: 'wink-sentiment 5.0.2 (normalizedScore)', score: (t) => winkSentiment(t).normalizedScore,
    conventional: { cut: '< 0', frustrated: (t) => winkSentiment(t).normalizedScore < 0 },
  },
];

function readJsonl(file) {
  return readFileSync(path.isAbsolute(file) ? file : path.join(root, 'tests/quality', file), 'utf8')
    .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

function prf(tp, fp, fn) {
  const precision = tp + fp ? tp / (tp + fp) : NaN;
  const recall = tp + fn ? tp / (tp + fn) : NaN;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : NaN;
  return { tp, fp, fn, precision, recall, f1 };
}

function confusion(pairs) { // [predicted, truth]
  let tp = 0, fp = 0, fn = 0;
  for (const [p, t] of pairs) {
    if (p && t) tp++;
    else if (p) fp++;
    else if (t) fn++;
  }
  return prf(tp, fp, fn);
}

// Best threshold (predict positive when score <= t) by F1 on `items`.
function bestThreshold(items) { // [score, truth]
  const values = [...new Set(items.map(([s]) => s))].sort((a, b) => a - b);
  let best = { t: -Infinity, f1: -1 };
  for (const t of values) {
    const { f1 } = confusion(items.map(([s, truth]) => [s <= t, truth]));
    if (f1 > best.f1) best = { t, f1 };
  }
  return best.t;
}

// Probability that a good item scores higher than a bad one (ties count half).
function auc(good, bad) {
  if (!good.length || !bad.length) return NaN;
  let wins = 0;
  for (const g of good) for (const b of bad) wins += g > b ? 1 : g === b ? 0.5 : 0;
  return wins / (good.length * bad.length);
}

const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

// Returns an analyze(inputs[]) -> reports[] for the chosen engine.
async function engineFor(name) {
  if (name === 'native') {
    const cli = path.join(root, 'build/native/rapport');
    return (inputs) => {
      const r = spawnSync(cli, ['batch'], {
        input: inputs.map((i) => JSON.stringify(i)).join('\n') + '\n',
        encoding: 'utf8', maxBuffer: 256 << 20,
      });
      if (r.status !== 0) throw new Error(`rapport batch failed: ${r.stderr}`);
      return r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    };
  }
  const { createCoach } = await import(path.join(root, 'dist/rapport.mjs'));
  const coach = await createCoach();
  return (inputs) => inputs.map((i) => coach.analyze(i));
}

/**
 * Runs everything on `split` ('dev', 'test' or 'all'); returns the numbers.
 * `replies` replaces tests/quality/replies.jsonl, to measure a new batch
 * once before calibration uses it.
 */
export async function evaluate({ split = 'test', engine = 'wasm', replies: repliesFile = 'replies.jsonl' } = {}) {
  const analyze = await engineFor(engine);
  const inSplit = (x) => split === 'all' || x.split === split;
  const customersAll = readJsonl('customers.jsonl');
  const customers = customersAll.filter(inSplit);
  const replies = readJsonl(repliesFile).filter(inSplit);

  // Customer signals.
  const customerReports = analyze(customers.map((c) => ({ draft: NEUTRAL_DRAFT, customerMessages: [c.text] })));
  const signals = CUSTOMER_SIGNALS.map((s) => ({
    name: s.name,
    positives: customers.filter(s.label).length,
    ...confusion(customers.map((c, i) => [s.predicted(customerReports[i].customer), s.label(c)])),
  }));

  // Frustration side by side. Each peer's threshold is its best F1 on the
  // dev split (never the split reported), so every peer gets its fairest cut.
  const devCustomers = customersAll.filter((c) => c.split === 'dev');
  const frustrated = (c) => FRUSTRATED_LABELS.has(c.frustration);
  const peers = PEERS.map((p) => {
    const t = bestThreshold(devCustomers.map((c) => [p.score(c.text), frustrated(c)]));
    return {
      name: `${p.name}, best-F1 cut on dev`, mapping: 'best-F1', threshold: `<= ${t.toFixed(4)}`,
      ...confusion(customers.map((c) => [p.score(c.text) <= t, frustrated(c)])),
    };
  });
  const conventional = PEERS.map((p) => ({
    name: `${p.conventional.name ?? p.name}, conventional cut`, mapping: 'conventional', threshold: p.conventional.cut,
    ...confusion(customers.map((c) => [p.conventional.frustrated(c.text), frustrated(c)])),
  }));
  const positives = customers.filter(frustrated).length;
  const baseline = { name: 'baseline: everyone is frustrated', mapping: 'baseline', threshold: null, ...prf(positives, customers.length - positives, 0) };
  const rapport = { ...signals[0], name: 'Rapport customer.frustrated', mapping: 'rapport', threshold: null };

  // Replies.
  const replyReports = analyze(replies.map((r) => ({
    draft: r.draft, customerMessages: [r.customer], customerName: r.customerName,
  })));
  const raised = (rep, rules) => rep.findings.some((f) => rules.includes(f.ruleId));
  const findings = FINDING_TYPES.map((ft) => {
    const pairs = [];
    let positivesAll = 0;
    replies.forEach((r, i) => {
      const rep = replyReports[i];
      const p = raised(rep, ft.rules);
      const t = ft.truth(r.labels);
      positivesAll += t;
      // Recall counts only the replies where the finding can be raised.
      const canRaise = !ft.expected || ft.expected(rep);
      pairs.push([p, t && (canRaise || p)]);
    });
    const m = confusion(pairs);
    const measurable = positivesAll >= MIN_POSITIVES && m.tp + m.fp >= MIN_RAISED;
    return { type: ft.type, label: ft.label, positives: positivesAll, measurable, ...m };
  });
  const mapped = new Set(FINDING_TYPES.flatMap((ft) => ft.rules));
  const unmapped = {};
  for (const rep of replyReports) {
    for (const id of new Set(rep.findings.map((f) => f.ruleId))) {
      if (!mapped.has(id)) unmapped[id] = (unmapped[id] ?? 0) + 1;
    }
  }

  // Excellent replies: how many draw a warning or a critical finding.
  const excellent = replies.map((r, i) => [r, replyReports[i]]).filter(([r]) => r.excellent);
  const warned = excellent.filter(([, rep]) => rep.findings.some((f) => f.severity !== 'tip'));
  const excellentStats = {
    count: excellent.length,
    warned: warned.length,
    fpRate: excellent.length ? warned.length / excellent.length : NaN,
    clean: excellent.length ? 1 - warned.length / excellent.length : NaN,
    warnedIds: warned.map(([r, rep]) => `${r.id}: ${rep.findings.filter((f) => f.severity !== 'tip').map((f) => f.ruleId).join(', ')}`),
  };

  // Dimension scores against the labels.
  const dimensions = DIMENSION_LABELS.map((d) => {
    const good = [], bad = [];
    replies.forEach((r, i) => {
      const rep = replyReports[i];
      const s = d.dimension === 'score' ? rep.score : rep.dimensions[d.dimension].score;
      (d.good(r.labels, r) ? good : bad).push(s);
    });
    return { dimension: d.dimension, label: d.label, good: good.length, bad: bad.length, meanGood: mean(good), meanBad: mean(bad), auc: auc(good, bad) };
  });

  return {
    split, engine, customers: customers.length, replies: replies.length,
    signals, frustration: [rapport, ...peers, ...conventional, baseline], findings, unmapped, excellent: excellentStats, dimensions,
    details: { customers, customerReports, replies, replyReports },
  };
}

const f2 = (x) => (Number.isNaN(x) ? '  n/a' : x.toFixed(2).padStart(5));

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function format(r) {
  const out = [];
  out.push(`Rapport coaching quality: split=${r.split}, engine=${r.engine}, ${r.customers} customer messages, ${r.replies} replies`);
  out.push('');
  out.push('Customer signals (frustrated = label mild or high; none = not frustrated)');
  out.push(table(['signal', 'pos', 'TP', 'FP', 'FN', 'P', 'R', 'F1'],
    r.signals.map((s) => [s.name, s.positives, s.tp, s.fp, s.fn, f2(s.precision), f2(s.recall), f2(s.f1)])));
  out.push('');
  out.push('Frustrated or not, same messages, same run. Each peer library is mapped two ways:');
  out.push('  "best-F1 cut on dev": frustrated when its score <= the threshold with the best F1 on the dev split;');
  out.push('  "conventional cut": its own reading, negative sentiment = frustrated (vader compound <= -0.05,');
  out.push('  AFINN score < 0, wink normalizedScore < 0), no labels used.');
  out.push(table(['detector', 'frustrated when', 'TP', 'FP', 'FN', 'P', 'R', 'F1'],
    r.frustration.map((s) => [s.name, s.threshold === null ? '-' : s.threshold, s.tp, s.fp, s.fn, f2(s.precision), f2(s.recall), f2(s.f1)])));
  out.push('');
  out.push(`Finding types vs reply labels (P floor 0.90 applies when label positives >= ${MIN_POSITIVES} and findings raised >= ${MIN_RAISED})`);
  out.push(table(['finding type', 'label', 'pos', 'raised', 'TP', 'FP', 'FN', 'P', 'R', 'F1', 'floor'],
    r.findings.map((f) => [f.type, f.label, f.positives, f.tp + f.fp, f.tp, f.fp, f.fn, f2(f.precision), f2(f.recall), f2(f.f1),
      f.measurable ? (f.precision >= 0.9 ? 'ok' : 'BELOW') : 'too few'])));
  const un = Object.entries(r.unmapped).sort((a, b) => b[1] - a[1]);
  if (un.length) {
    out.push(`Findings with no matching label (not measured): ${un.map(([id, n]) => `${id.replace(/^en\./, '')} ${n}`).join(', ')}`);
  }
  out.push('');
  const e = r.excellent;
  out.push(`Excellent replies: ${e.count}; with a warning or critical finding: ${e.warned} (false-positive rate ${(100 * e.fpRate).toFixed(1)}%; clean ${(100 * e.clean).toFixed(1)}%, floor 95%)`);
  for (const w of e.warnedIds) out.push(`  ${w}`);
  out.push('');
  out.push('Dimension scores vs labels (AUC: chance a reply with the label scores higher than one without)');
  out.push(table(['dimension', 'label = good', 'good', 'bad', 'mean good', 'mean bad', 'AUC'],
    r.dimensions.map((d) => [d.dimension, d.label, d.good, d.bad, d.meanGood.toFixed(1), d.meanBad.toFixed(1), f2(d.auc)])));
  return out.join('\n');
}

function formatDetails(r) {
  const out = ['', 'Errors (customer signals):'];
  const { customers, customerReports, replies, replyReports } = r.details;
  customers.forEach((c, i) => {
    const rep = customerReports[i].customer;
    CUSTOMER_SIGNALS.forEach((s) => {
      const p = s.predicted(rep), t = s.label(c);
      if (p !== t) out.push(`  ${c.id} ${s.name.split(' ')[0]} ${p ? 'FP' : 'FN'} [${c.frustration} f=${rep.frustration} u=${rep.urgency}] ${c.text} {${rep.evidence.join(' ')}}`);
    });
  });
  out.push('', 'Errors (findings):');
  replies.forEach((x, i) => {
    const rep = replyReports[i];
    FINDING_TYPES.forEach((ft) => {
      const hit = rep.findings.filter((f) => ft.rules.includes(f.ruleId));
      const t = ft.truth(x.labels);
      if (hit.length && !t) out.push(`  ${x.id} ${ft.type} FP: ${hit.map((f) => `${f.ruleId} "${f.quote}"`).join('; ')}`);
      if (!hit.length && t && (!ft.expected || ft.expected(rep))) out.push(`  ${x.id} ${ft.type} FN`);
    });
  });
  return out.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, def) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : def;
  };
  if (args.includes('--help')) {
    console.log('usage: node tools/quality.mjs [--split dev|test|all] [--engine wasm|native] [--replies FILE] [--details] [--json]');
    process.exit(0);
  }
  const split = opt('split', 'test');
  if (!['dev', 'test', 'all'].includes(split)) {
    console.error(`--split must be dev, test or all, not ${split}`);
    process.exit(2);
  }
  const replies = path.resolve(opt('replies', path.join(root, 'tests/quality/replies.jsonl')));
  const r = await evaluate({ split, engine: opt('engine', 'wasm'), replies });
  if (args.includes('--json')) {
    const { details, ...rest } = r;
    console.log(JSON.stringify(rest, null, 2));
  } else {
    console.log(format(r));
    if (args.includes('--details')) console.log(formatDetails(r));
  }
}
