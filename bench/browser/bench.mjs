// Measures, in the browser, what the agent feels: a keystroke in the composer
// to the panel showing the analysis of the new draft (median, p95) for drafts
// of ~500, 2,000 and 10,000 characters, and cold start (iframe src set -> first
// score). The app runs exactly as in the workspace: its own iframe, the ZAF
// wire protocol (workspace/zaf-host.mjs), the built package from dist/zendesk.
// Results land in window.benchResult (bench/browser/run.mjs prints them).

import { createZafHost } from '/workspace/zaf-host.mjs';
import { sanitizeHtml } from '/workspace/sanitize.mjs';
import { AGENT, TICKETS } from '/workspace/tickets.mjs';

const q = new URLSearchParams(location.search);
const KEYSTROKES = Number(q.get('keys') ?? 40);
const WARMUP = 5;
const GAP_MS = Number(q.get('gap') ?? 120); // between keystrokes: a brisk typist
const COLD_RUNS = Number(q.get('cold') ?? 7);
const SIZES = [500, 2000, 10000];

const editor = document.getElementById('ws-composer');
const ticket = TICKETS.angry;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const SENTENCES = [
  "I'm so sorry you've had to write to us again about order #48213, I understand how frustrating that is.",
  'I checked it myself: the parcel was held at our depot because of a labelling error.',
  'I will ship a replacement today by express at no cost, and you will get the tracking number by 5 pm.',
  "In the meantime, I've added a 10% credit to your account for the trouble.",
  'Unfortunately the original parcel cannot be redirected, so please refuse it if it arrives.',
  'If you prefer a refund instead, just reply to this email and I will process it right away.',
];
function draftOf(size) {
  const paras = [];
  let len = 0;
  for (let i = 0; len < size; i++) {
    const p = SENTENCES.slice(i % 3, (i % 3) + 3).join(' ');
    paras.push(p);
    len += p.length + 7;
  }
  return ['Hi Maria,', ...paras, 'Best regards,\nSam'];
}
function setDraft(paragraphs) {
  editor.replaceChildren();
  for (const text of paragraphs) {
    const p = document.createElement('p');
    text.split('\n').forEach((line, i) => {
      if (i) p.append(document.createElement('br'));
      p.append(line);
    });
    editor.append(p);
  }
}

const composer = {
  getText: () => (editor.textContent.trim() === '' ? '' : editor.innerHTML),
  setHtml: (html) => editor.replaceChildren(sanitizeHtml(html)),
  appendText: (t) => editor.append(t),
  appendHtml: (h) => editor.append(sanitizeHtml(h)),
  onInput: (cb) => editor.addEventListener('input', cb),
};

let zaf = null;
let iframe = null;
function mount() {
  zaf?.destroy();
  iframe?.remove();
  iframe = document.createElement('iframe');
  iframe.className = 'ws-app';
  iframe.title = 'Rapport';
  document.getElementById('sidebar').append(iframe);
  zaf = createZafHost({
    iframe,
    src: '/app/assets/iframe.html',
    ticket,
    agent: AGENT,
    settings: { sendCheck: 'warn', scoreThreshold: 60 },
    composer,
  });
  return zaf;
}

/** Resolves with performance.now() when the panel shows a draft of `chars` UTF-16 units. */
function panelShows(chars) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const root = iframe.contentDocument?.getElementById('rapport');
      return root && root.dataset.state === 'ready' && root.dataset.chars === String(chars);
    };
    const attach = () => {
      const root = iframe.contentDocument?.getElementById('rapport');
      if (!root) return setTimeout(attach, 1);
      if (check()) return resolve(performance.now());
      const mo = new MutationObserver(() => {
        if (check()) {
          mo.disconnect();
          resolve(performance.now());
        }
      });
      mo.observe(root, { attributes: true, attributeFilter: ['data-chars', 'data-state'] });
    };
    attach();
    setTimeout(() => reject(new Error(`the panel never showed ${chars} chars`)), 15_000);
  });
}
const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  return { n: s.length, median: at(50), p95: at(95), min: s[0], max: s[s.length - 1] };
}

async function coldStart() {
  const times = [];
  const paragraphs = draftOf(500);
  for (let i = 0; i < COLD_RUNS; i++) {
    setDraft(paragraphs);
    const host = mount();
    const chars = composer.getText().length;
    const t0 = performance.now();
    host.load();
    // wait until the new document replaced about:blank
    await new Promise((r) => iframe.addEventListener('load', r, { once: true }));
    const t1 = await panelShows(chars);
    times.push(t1 - t0);
    await sleep(100);
  }
  return times;
}

async function keystrokes(size) {
  setDraft(draftOf(size));
  editor.dispatchEvent(new Event('input'));
  await panelShows(composer.getText().length);
  await sleep(200);
  const last = editor.lastElementChild.previousElementSibling; // the last body paragraph
  const dom = [];
  const frame = [];
  for (let i = 0; i < WARMUP + KEYSTROKES; i++) {
    const ch = 'abcdefghij'[i % 10];
    const t0 = performance.now();
    last.lastChild.appendData(ch);
    editor.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: ch }));
    const t1 = await panelShows(composer.getText().length);
    const t2 = await nextFrame();
    if (i >= WARMUP) {
      dom.push(t1 - t0);
      frame.push(t2 - t0);
    }
    await sleep(GAP_MS);
  }
  return { chars: composer.getText().length, text: editor.textContent.length, dom: stats(dom), frame: stats(frame) };
}

async function main() {
  const status = document.getElementById('status');
  try {
    const cold = await coldStart();
    const result = { cold: { first: cold[0], ...stats(cold) }, typing: {}, gapMs: GAP_MS };
    for (const size of SIZES) {
      status.textContent = `typing into a ${size}-character draft…`;
      result.typing[size] = await keystrokes(size);
    }
    result.userAgent = navigator.userAgent;
    status.textContent = 'done';
    window.benchResult = result;
  } catch (err) {
    status.textContent = `failed: ${err.message}`;
    window.benchResult = { error: String(err?.stack ?? err) };
  }
}
main();
