// The app, independent of the helpdesk: wires a host adapter (hosts/*.mjs), the
// core (createCoach) and the panel (panel/view.mjs). Nothing renders until the
// host says the app is registered. Fail open everywhere: if the core does not
// load or throws, the panel says so and the agent can still write and send.

import { createPanel } from './panel/view.mjs';
import { parseSettings } from './settings.mjs';
import { createSendCheck } from './send-check.mjs';
import { createScheduler } from './scheduler.mjs';
import { headline, moodChips, orderedFindings, scoreBand, scoreWord } from './coaching.mjs';
import { acknowledgement, applyFix, closingLine, fixPreview, hasSignoff, insertClosing, insertOpening, sameFinding } from './edits.mjs';
import { firstName, htmlToText, isBlankDraft, shorten } from './text.mjs';

export const LOAD_TIMEOUT_MS = 10_000;
export const SEND_CHECK_TIMEOUT_MS = 1_500;
// One analysis slower than this (the core's bound is far below it, see the
// README) means this browser cannot coach in time: coaching is turned off for
// the session, so that typing and sending are never slowed again.
export const SLOW_ANALYZE_MS = 1_500;
const NO_TICKET = { customerName: '', agentName: '', customerMessages: [] };

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * @param {object} o
 * @param {object|null} o.host      a host adapter, or null outside a helpdesk
 * @param {(opts:{rules:any}) => Promise<object>} o.loadCoach  resolves to a coach
 * @param {HTMLElement} o.root
 */
export async function startApp({ host, loadCoach, root }) {
  if (!host) {
    const panel = createPanel(root);
    root.hidden = false;
    panel.showUnavailable('Rapport runs inside a Zendesk ticket. Open it from the ticket sidebar.');
    return;
  }

  const { settings: rawSettings } = await host.registered;
  const settings = parseSettings(rawSettings);
  const check = createSendCheck(settings);

  let coach = null;
  let ticket = null; // cached until the conversation changes
  let last = null; // { draft, report, model }
  let undo = null; // { before, after, label, epoch }
  let writeEpoch = 0;
  let heldText = null;
  let notes = [...settings.notes];

  const panel = createPanel(root, { onApply, onInsert, onUndo });
  root.hidden = false;
  panel.showLoading();

  if (typeof ResizeObserver === 'function') {
    let lastHeight = 0;
    new ResizeObserver(() => {
      const height = Math.max(root.scrollHeight, 40) + 16;
      if (Math.abs(height - lastHeight) >= 2) {
        lastHeight = height;
        host.resize(height);
      }
    }).observe(root);
  }

  const tooSlow = () => {
    const err = new Error('Rapport is too slow in this browser');
    err.code = 'slow';
    return err;
  };
  function analyze(draft, t) {
    if (!coach) throw tooSlow();
    const started = performance.now();
    const report = coach.analyze({
      draft: draft.text,
      format: draft.format,
      customerMessages: t.customerMessages,
      customerName: t.customerName,
      agentName: t.agentName,
      dimensions: settings.dimensions,
    });
    if (performance.now() - started > SLOW_ANALYZE_MS) {
      coach = null; // update() and the send check stop asking
      last = null;
      panel.showUnavailable('Rapport is too slow in this browser, so coaching is off for now. You can write and send replies as usual.');
      throw tooSlow();
    }
    return report;
  }

  async function readTicket() {
    if (!ticket) ticket = await host.readTicket().catch(() => NO_TICKET);
    return ticket;
  }

  function model(report, draft, t) {
    const blank = isBlankDraft(draft.text, draft.format);
    const score = report.score;
    const findings = blank
      ? []
      : orderedFindings(report.findings, settings.dimensions).map((f) => ({
          key: `${f.ruleId}@${f.start}:${f.end}`,
          severity: f.severity,
          dimension: f.dimension,
          message: f.message,
          quote: shorten(f.quote ?? '', 120),
          fixPreview: f.fix ? fixPreview(draft.text, draft.format, f.fix) : null,
          finding: f,
        }));
    const name = firstName(t.customerName);
    const ack = acknowledgement(t.customerName, report.customer);
    const extraNotes = [];
    if (report.truncated) extraNotes.push('This reply is very long: only its first part was scored.');
    return {
      blank,
      score,
      word: scoreWord(score),
      band: scoreBand(score),
      chips: moodChips(report.customer),
      hasCustomer: t.customerMessages.length > 0,
      dims: settings.dimensions.map((id) => {
        const s = report.dimensions?.[id]?.score ?? 0;
        return { id, score: s, band: scoreBand(s) };
      }),
      findings,
      inserts: [
        { id: 'ack', label: name ? `Acknowledge ${shorten(name, 20)}` : 'Add acknowledgement', preview: ack },
        { id: 'closing', label: 'Add closing line', preview: closingLine(t.agentName, false) },
      ],
      notes: [...notes, ...extraNotes],
    };
  }

  async function update() {
    if (!coach) return;
    const epoch = writeEpoch;
    const [draft, t] = await Promise.all([host.readDraft(), readTicket()]);
    if (undo && undo.epoch === epoch) {
      if (undo.after === null) undo.after = draft.text; // the editor may normalise what we wrote
      else if (draft.text !== undo.after) {
        undo = null; // the agent edited since: their editor's own undo takes over
        panel.setUndo(null);
      }
    }
    if (heldText !== null && draft.text !== heldText) {
      heldText = null;
      panel.setHeld(null);
    }
    let report;
    try {
      report = analyze(draft, t);
    } catch (err) {
      last = null;
      if (err?.code !== 'slow') {
        panel.showUnavailable(`Rapport could not score this draft (${err?.code ?? 'error'}). You can still send it.`);
      }
      return;
    }
    const m = model(report, draft, t);
    last = { draft, report, model: m };
    panel.render(m);
    // For tests and the benchmark: which draft the panel shows.
    root.dataset.score = String(m.score);
    root.dataset.chars = String(draft.text.length);
  }

  const scheduler = createScheduler(update, { minGap: 50 });

  async function write(before, next, label) {
    writeEpoch += 1;
    undo = { before, after: null, label, epoch: -1 };
    await host.writeDraft(next);
    undo.epoch = writeEpoch;
    panel.setUndo(label);
    scheduler.request();
  }

  async function onApply(key) {
    if (!coach || !last) return;
    const item = last.model.findings.find((f) => f.key === key);
    if (!item?.finding.fix) return;
    try {
      const draft = await host.readDraft();
      let finding = item.finding;
      if (draft.text !== last.draft.text) {
        finding = sameFinding(analyze(draft, await readTicket()), finding);
        if (!finding) {
          scheduler.request();
          return;
        }
      }
      await write(draft.text, applyFix(draft.text, finding.fix), `Applied: ${shorten(headline(finding.message), 60)}`);
    } catch {
      host.notify('Rapport could not apply this suggestion.', 'error');
    }
  }

  async function onInsert(id) {
    try {
      const [draft, t] = await Promise.all([host.readDraft(), readTicket()]);
      let next;
      if (id === 'ack') {
        next = insertOpening(draft.text, draft.format, acknowledgement(t.customerName, last?.report.customer)).text;
      } else {
        const line = closingLine(t.agentName, !hasSignoff(draft.text, draft.format));
        next = insertClosing(draft.text, draft.format, line).text;
      }
      await write(draft.text, next, id === 'ack' ? 'Added an acknowledgement.' : 'Added a closing line.');
    } catch {
      host.notify('Rapport could not insert the text.', 'error');
    }
  }

  async function onUndo() {
    if (!undo) return;
    const { before, after } = undo;
    try {
      const draft = await host.readDraft();
      if (after === null || draft.text === after) {
        writeEpoch += 1;
        undo = null;
        await host.writeDraft(before);
      } else {
        undo = null;
      }
    } finally {
      panel.setUndo(null);
      scheduler.request();
    }
  }

  async function beforeSend() {
    if (!coach) return null; // never loaded: let it go
    const draft = await host.readDraft();
    if (isBlankDraft(draft.text, draft.format)) return null;
    const verdict = check.decide(analyze(draft, await readTicket()));
    heldText = verdict ? draft.text : null;
    panel.setHeld(verdict ? verdict.message : null);
    return verdict ? verdict.message : null;
  }

  // Registered before the core loads, so that a save never waits on a load.
  if (settings.mode !== 'off') {
    host.onBeforeSend(() => withTimeout(beforeSend(), SEND_CHECK_TIMEOUT_MS, 'the send check').catch(() => null));
  }
  host.onDraftChange(() => scheduler.request());
  host.onTicketChange(() => {
    ticket = null;
    scheduler.request();
  });

  let rules = 'en';
  if (settings.customRules) {
    if (settings.customRules.startsWith('{')) rules = settings.customRules;
    else notes.push('The custom rule pack is not JSON; using the default rules.');
  }
  try {
    coach = await withTimeout(
      loadCoach({ rules }).catch((err) => {
        if (rules === 'en' || err?.code !== 'bad_rules') throw err;
        notes.push(`The custom rule pack was not used: ${err.message}`);
        return loadCoach({ rules: 'en' });
      }),
      LOAD_TIMEOUT_MS,
      'loading Rapport',
    );
  } catch {
    panel.showUnavailable('Rapport could not start in this browser. You can write and send replies as usual.');
    return;
  }
  for (const e of coach.packErrors ?? []) {
    notes.push(`Custom rules: ${e.ruleId ? e.ruleId + ': ' : ''}${e.reason} (the default rules are in use).`);
  }
  scheduler.request();
}
