// npm run bench: Rapport's speed side by side, in one run, as ratios.
//
//   1. build/native/bench/rapport_bench (Google Benchmark) on the corpus;
//   2. the wasm build (dist/rapport.mjs) in this node process, same texts;
//   3. what a JS developer would reach for instead, same texts: vader-sentiment
//      on the customer message, write-good and a retext pipeline on the draft;
//   4. one table of medians and ratios, the gzipped size of dist/, and PASS or
//      MISS per target. Exits 1 on a MISS only with --strict.
//
// See bench/README.md for how to read the table.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { gzipSync } from 'node:zlib';

import { retext } from 'retext';
import retextEnglish from 'retext-english';
import retextPassive from 'retext-passive';
import retextReadability from 'retext-readability';
import retextSimplify from 'retext-simplify';
import vader from 'vader-sentiment';
import writeGood from 'write-good';

import { buildCorpus } from './texts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NATIVE_BENCH = path.join(root, 'build/native/bench/rapport_bench');
const DIST_FILES = ['rapport.wasm', 'rapport-core.mjs', 'rapport.mjs'].map((f) => path.join(root, 'dist', f));
const MODES = ['keystroke', 'cold'];
const TARGET = { size: 2000, nativeMicros: 50, wasmOverNative: 2, gzipKB: 300 };
// Per JS measurement: warm-up, then timed calls until the budget is spent.
const WARMUP_MS = 200;
const BUDGET_MS = 1200;
const MIN_CALLS = 15;
const PAIRED_ROUNDS = 5;

// The inputs a measurement cycles through, as rapport_bench builds them:
// drafts in turn with the first customer message (keystroke) or with every
// message in turn (cold).
function inputsFor(corpus, draft, mode) {
  const messages = mode === 'keystroke' ? 1 : corpus.customerMessages.length;
  const count = Math.max(draft.variants.length, messages);
  return Array.from({ length: count }, (_, i) => ({
    draft: draft.variants[i % draft.variants.length],
    customerMessages: [corpus.customerMessages[i % messages]],
    customerName: corpus.customerName,
    agentName: corpus.agentName,
  }));
}

// The q-quantile by nearest rank (as rapport_bench computes it).
function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

// Calls fn on the inputs in turn: a warm-up, then single calls timed with
// process.hrtime.bigint until the budget is spent. Median and p95 in µs.
function time(inputs, fn) {
  let next = 0;
  const call = () => fn(inputs[next++ % inputs.length]);
  for (const end = performance.now() + WARMUP_MS; performance.now() < end; ) call();
  const micros = [];
  for (const end = performance.now() + BUDGET_MS; performance.now() < end || micros.length < MIN_CALLS; ) {
    const start = process.hrtime.bigint();
    call();
    micros.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  micros.sort((a, b) => a - b);
  return { median: quantile(micros, 0.5), p95: quantile(micros, 0.95) };
}

// Runs rapport_bench on the corpus file with extra flags; returns its medians
// by benchmark name (e.g. "Analyze/keystroke/2000") and the number of rules it
// loaded.
function runNative(corpusFile, flags = []) {
  const run = spawnSync(
    NATIVE_BENCH,
    [`--corpus=${corpusFile}`, '--benchmark_format=json', ...flags],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  if (run.status !== 0) {
    throw new Error(`rapport_bench failed (${run.error?.message ?? `exit ${run.status}`}):\n${run.stderr}`);
  }
  const out = JSON.parse(run.stdout);
  const medians = new Map(out.benchmarks.map((b) => [b.name, b.median_us]));
  return { medians, rules: Number(out.context.rapport_rules) };
}

// The wasm/native target as a ratio of neighbours: PAIRED_ROUNDS rounds, each
// timing native AnalyzeJson and then wasm on the same inputs, seconds apart.
// A shared machine has slow phases lasting longer than one measurement but
// shorter than a whole run; pairing puts both halves of a ratio in the same
// phase, and the median round drops a round that straddles a change.
function pairedRatios(corpusFile, inputs, analyze) {
  const name = `AnalyzeJson/keystroke/${TARGET.size}`;
  const rounds = [];
  for (let i = 0; i < PAIRED_ROUNDS; ++i) {
    const native = runNative(corpusFile, [`--benchmark_filter=^${name}$`, '--benchmark_min_time=0.5']).medians.get(name);
    const wasm = time(inputs, analyze).median;
    rounds.push({ native, wasm, ratio: wasm / native });
  }
  return rounds;
}

function gzippedKB() {
  const bytes = DIST_FILES.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  return bytes / 1024;
}

const micros = (us) => (us < 100 ? us.toFixed(1) : Math.round(us).toLocaleString('en-US'));
const ratio = (r) => `×${r < 10 ? r.toFixed(2) : Math.round(r).toLocaleString('en-US')}`;
const withRatio = (us, wasm) => `${micros(us)} (${ratio(us / wasm)})`;

function printTable(rows) {
  const header = [
    'size', 'case', 'native', 'native json', 'wasm', 'wasm p95', 'wasm/native',
    'vader', 'write-good', 'retext', 'all 3 peers',
  ];
  const cells = rows.map((r) => [
    `${r.size.toLocaleString('en-US')} (${r.chars.toLocaleString('en-US')})`,
    r.mode,
    micros(r.native),
    micros(r.nativeJson),
    micros(r.wasm.median),
    micros(r.wasm.p95),
    ratio(r.wasm.median / r.nativeJson),
    withRatio(r.vader, r.wasm.median),
    withRatio(r.writeGood, r.wasm.median),
    withRatio(r.retext, r.wasm.median),
    withRatio(r.vader + r.writeGood + r.retext, r.wasm.median),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => c.map((s, i) => (i < 2 ? s.padEnd(widths[i]) : s.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

function medianOf(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function printRounds(rounds) {
  console.log(`\nPaired rounds, keystroke ${TARGET.size.toLocaleString('en-US')} (native json → wasm, µs):`);
  console.log(`  ${rounds.map((r) => `${micros(r.native)} → ${micros(r.wasm)} ${ratio(r.ratio)}`).join('   ')}`);
}

function printTargets(rows, rounds, kb) {
  const row = rows.find((r) => r.size === TARGET.size && r.mode === 'keystroke');
  const size = `${TARGET.size.toLocaleString('en-US')} chars`;
  const pairedRatio = medianOf(rounds.map((r) => r.ratio));
  const checks = [
    [
      row.native <= TARGET.nativeMicros,
      `native Analyze median at ${size}: ${micros(row.native)} µs (target ≤ ${TARGET.nativeMicros} µs)`,
    ],
    [
      pairedRatio <= TARGET.wasmOverNative,
      `wasm/native at ${size}: ${ratio(pairedRatio)}, median of ${rounds.length} paired rounds ` +
        `(target ≤ ×${TARGET.wasmOverNative})`,
    ],
    [kb <= TARGET.gzipKB, `wasm + JS gzipped: ${kb.toFixed(1)} KB (target ≤ ${TARGET.gzipKB} KB)`],
  ];
  console.log('\nTargets (keystroke case):');
  for (const [pass, text] of checks) console.log(`  ${pass ? 'PASS' : 'MISS'}  ${text}`);
  return checks.every(([pass]) => pass);
}

async function main() {
  const missing = [NATIVE_BENCH, ...DIST_FILES].filter((f) => !existsSync(f));
  if (missing.length > 0) {
    console.error(`bench: missing ${missing.map((f) => path.relative(root, f)).join(', ')}; run scripts/build first`);
    return 1;
  }
  const corpus = buildCorpus();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-'));
  try {
    const corpusFile = path.join(dir, 'corpus.json');
    writeFileSync(corpusFile, JSON.stringify(corpus));
    return await benchAll(corpus, corpusFile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchAll(corpus, corpusFile) {
  console.log(`Rapport bench: ${os.cpus().length} × ${os.cpus()[0].model.trim()}, node ${process.version}`);
  console.log('native: rapport_bench (Google Benchmark) ...');
  const native = runNative(corpusFile);

  // V8 first compiles wasm with its baseline compiler (Liftoff), then
  // recompiles hot functions with TurboFan on background threads. On 2 cores
  // those threads take the CPU from whatever runs beside them (the native half
  // of a paired round) for many seconds, and the wasm rows would time a mix of
  // both tiers. Compiling with TurboFan up front measures the code an agent
  // runs after the first seconds, for every row. See bench/README.md.
  v8.setFlagsFromString('--no-liftoff');
  const { createCoach } = await import(path.join(root, 'dist/rapport.mjs'));
  const coach = await createCoach();
  const rulesNote = coach.rules === native.rules ? '' : ` — MISMATCH: native has ${native.rules}; rebuild both`;
  console.log(`wasm and JS peers in node ... (rules: ${coach.rules}${rulesNote})`);
  const retextPipeline = retext()
    .use(retextEnglish)
    .use(retextReadability)
    .use(retextPassive)
    .use(retextSimplify)
    .freeze();
  const polarity = (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text);
  const vaderMedian = time(corpus.customerMessages, polarity).median;
  const analyze = (input) => coach.analyze(input);

  const rows = [];
  for (const draft of corpus.drafts) {
    const writeGoodMedian = time(draft.variants, writeGood).median;
    const retextMedian = time(draft.variants, (text) => retextPipeline.processSync(text)).median;
    for (const mode of MODES) {
      const key = `${mode}/${draft.size}`;
      rows.push({
        size: draft.size,
        chars: draft.variants[0].length,
        mode,
        native: native.medians.get(`Analyze/${key}`),
        nativeJson: native.medians.get(`AnalyzeJson/${key}`),
        wasm: time(inputsFor(corpus, draft, mode), analyze),
        vader: vaderMedian,
        writeGood: writeGoodMedian,
        retext: retextMedian,
      });
    }
  }
  console.log(`paired wasm/native rounds at ${TARGET.size.toLocaleString('en-US')} chars ...`);
  const targetDraft = corpus.drafts.find((d) => d.size === TARGET.size);
  const rounds = pairedRatios(corpusFile, inputsFor(corpus, targetDraft, 'keystroke'), analyze);
  coach.dispose();

  const lengths = corpus.customerMessages.map((m) => m.length);
  console.log(
    `\nMedian µs per call; size = target (actual) draft characters; customer message ` +
      `${Math.min(...lengths)}–${Math.max(...lengths)} characters.\n`,
  );
  printTable(rows);
  printRounds(rounds);
  const allPass = printTargets(rows, rounds, gzippedKB());
  return allPass || !process.argv.includes('--strict') ? 0 : 1;
}

process.exitCode = await main();
