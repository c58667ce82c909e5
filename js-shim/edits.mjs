// Changes to the draft, as pure functions of (draft, format): applying a
// core fix, and the quick inserts. Everything outside the changed span is
// left exactly as it was. Text from the ticket (the customer's name) is
// HTML-escaped before it goes into a rich-text draft.

import { escapeHtml, firstName, htmlToText, shorten } from './text.mjs';

/** Applies a core fix: draft.slice(0, start) + text + draft.slice(end). */
export function applyFix(draft, fix) {
  if (!fix || !Number.isInteger(fix.start) || !Number.isInteger(fix.end)) {
    throw new RangeError('a fix needs integer start and end');
  }
  if (fix.start < 0 || fix.end < fix.start || fix.end > draft.length) {
    throw new RangeError('the fix does not fit this draft');
  }
  return draft.slice(0, fix.start) + String(fix.text ?? '') + draft.slice(fix.end);
}

/** Finds the finding in `report` that matches `finding` of an older report. */
/**
 * What Apply will do, in words, for the panel. A replacement that ends inside a
 * word ("Unfortunately, p" -> "P") is shown with the rest of that word on both
 * sides ("Unfortunately, per" -> "Per"), so that the preview reads as words.
 */
export function fixPreview(draft, format, fix) {
  const plain = (s) => (format === 'html' ? htmlToText(s) : s).replace(/\s+/g, ' ');
  const after = plain(String(fix.text ?? '')).trim();
  if (fix.op !== 'replace') return after ? `Insert \u201c${shorten(after, 70)}\u201d` : '';
  const cut = String(draft).slice(fix.start, fix.end);
  const tail = /\S$/.test(cut) ? String(draft).slice(fix.end).match(/^[^\s<&]{0,24}/)[0] : '';
  const before = plain(cut + tail).trim();
  if (!after && !tail) return before ? `Remove \u201c${shorten(before, 40)}\u201d` : 'Remove this';
  return `Change \u201c${shorten(before, 40)}\u201d to \u201c${shorten(after + tail, 50)}\u201d`;
}

export function sameFinding(report, finding) {
  const candidates = (report?.findings ?? []).filter(
    (f) => f.ruleId === finding.ruleId && f.quote === finding.quote && f.fix,
  );
  candidates.sort((a, b) => Math.abs(a.start - finding.start) - Math.abs(b.start - finding.start));
  return candidates[0] ?? null;
}

const GREETING = /^(hi|hello|hey|dear|good (morning|afternoon|evening)|greetings)\b[^.!?\n]{0,40}[,!:]?$/i;
const SIGNOFF = /^(best|best regards|kind regards|warm regards|regards|many thanks|thanks|thank you|cheers|sincerely|all the best|take care)\b[^.!?\n]{0,30}[,!.]?$/i;

// Blocks of a draft with their offsets: lines of plain text; paragraphs (or
// <br>-separated lines when there are no paragraphs) of HTML.
function blocks(draft, format) {
  const out = [];
  if (format === 'html') {
    const para = /<(p|div|h[1-6]|li|blockquote)\b[^>]*>([\s\S]*?)<\/\1\s*>/gi;
    let m;
    while ((m = para.exec(draft))) {
      out.push({ start: m.index, end: m.index + m[0].length, text: htmlToText(m[2]), kind: 'p' });
    }
    if (out.length) return out;
    const br = /<br\s*\/?>/gi;
    let at = 0;
    while ((m = br.exec(draft))) {
      out.push({ start: at, end: m.index, text: htmlToText(draft.slice(at, m.index)), kind: 'br' });
      at = m.index + m[0].length;
    }
    out.push({ start: at, end: draft.length, text: htmlToText(draft.slice(at)), kind: 'br' });
    return out;
  }
  let at = 0;
  for (const line of draft.split('\n')) {
    out.push({ start: at, end: at + line.length, text: line.trim(), kind: 'line' });
    at += line.length + 1;
  }
  return out;
}

function piece(sentence, format, kind, where) {
  if (format !== 'html') return where === 'before' ? `${sentence}\n\n` : `\n\n${sentence}`;
  const safe = escapeHtml(sentence).replace(/\n/g, '<br>');
  if (kind === 'p') return `<p>${safe}</p>`;
  return where === 'before' ? `${safe}<br><br>` : `<br><br>${safe}`;
}

function emptyDraft(sentence, format) {
  return format === 'html' ? `<p>${escapeHtml(sentence).replace(/\n/g, '<br>')}</p>` : sentence;
}

function insertAt(draft, at, text) {
  return { text: draft.slice(0, at) + text + draft.slice(at), start: at, end: at + text.length };
}

/**
 * Inserts a sentence near the top: after a greeting line ("Hi Maria,") if the
 * draft opens with one, else before the first words.
 * @returns {{text: string, start: number, end: number}} the new draft and the inserted span
 */
export function insertOpening(draft, format, sentence) {
  const bs = blocks(draft, format).filter((b) => b.text !== '');
  if (bs.length === 0) {
    const text = emptyDraft(sentence, format);
    return { text, start: 0, end: text.length };
  }
  const first = bs[0];
  if (GREETING.test(first.text)) return insertAt(draft, first.end, piece(sentence, format, first.kind, 'after'));
  return insertAt(draft, first.start, piece(sentence, format, first.kind, 'before'));
}

/**
 * Inserts a sentence at the end, before a sign-off ("Best regards, / Sam")
 * when the draft has one.
 */
export function insertClosing(draft, format, sentence) {
  const bs = blocks(draft, format).filter((b) => b.text !== '');
  if (bs.length === 0) {
    const text = emptyDraft(sentence, format);
    return { text, start: 0, end: text.length };
  }
  let signoff = -1;
  const lastIdx = bs.length - 1;
  if (SIGNOFF.test(bs[lastIdx].text)) signoff = lastIdx;
  else if (lastIdx > 0 && SIGNOFF.test(bs[lastIdx - 1].text) && bs[lastIdx].text.split(/\s+/).length <= 3) signoff = lastIdx - 1;
  // Sign-off and name in one block ("Best,\nSam" in a text line pair or a <p> with <br>).
  if (signoff < 0) {
    const lines = bs[lastIdx].text.split('\n');
    if (lines.length > 1 && SIGNOFF.test(lines[0].trim()) && lines.length <= 3) signoff = lastIdx;
  }
  if (signoff >= 0) return insertAt(draft, bs[signoff].start, piece(sentence, format, bs[signoff].kind, 'before'));
  const last = bs[lastIdx];
  return insertAt(draft, last.end, piece(sentence, format, last.kind, 'after'));
}

/** True if the draft already ends with a sign-off (so the closing insert adds none). */
export function hasSignoff(draft, format) {
  const bs = blocks(draft, format).filter((b) => b.text !== '');
  const tail = bs.slice(-2).flatMap((b) => b.text.split('\n'));
  return tail.some((line) => SIGNOFF.test(line.trim()));
}

/** The acknowledgement quick insert, fitted to the customer's mood and name. */
export function acknowledgement(customerName, customer) {
  const name = firstName(customerName);
  const to = name ? `, ${name}` : '';
  if (customer?.repeatContact) {
    return `I'm sorry you've had to get in touch about this again${to}. I understand how frustrating that is, and I'll make sure it gets sorted out.`;
  }
  if (customer?.frustrated) {
    return `I'm really sorry about this${to}, and I understand how frustrating it has been.`;
  }
  return name ? `Thank you for getting in touch, ${name}.` : 'Thank you for getting in touch.';
}

/** The closing quick insert, with a sign-off when the draft has none. */
export function closingLine(agentName, withSignoff) {
  const line = "If there's anything else I can do, just reply to this message. I'm happy to help.";
  if (!withSignoff) return line;
  const agent = firstName(agentName);
  return agent ? `${line}\n\nBest regards,\n${agent}` : `${line}\n\nBest regards`;
}
