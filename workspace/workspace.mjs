// The local agent workspace: a ticket view with a rich-text composer and the
// Rapport app in the sidebar, loaded the way Zendesk loads it (an iframe with
// origin and app_guid in its URL, the ZAF wire protocol played by zaf-host.mjs).
// Query: ticket, mode (off|warn|block), threshold, width, location, rules,
// dims (comma list), name and message (override the requester's name and add
// a customer message; used by the tests with hostile text), latency (ms before
// each answer to the app: a slow Zendesk).

import { createZafHost } from './zaf-host.mjs';
import { sanitizeHtml } from './sanitize.mjs';
import { AGENT, TICKETS } from './tickets.mjs';

const q = new URLSearchParams(window.location.search);
const $ = (id) => document.getElementById(id);
const DIMS = ['empathy', 'urgency', 'personalization', 'positivity', 'proactivity', 'closing', 'clarity'];

const ticketId = Object.hasOwn(TICKETS, q.get('ticket') ?? '') ? q.get('ticket') : 'angry';
const ticket = structuredClone(TICKETS[ticketId]);
if (q.has('name')) ticket.requester = { ...ticket.requester, name: q.get('name') };
if (q.has('message')) {
  ticket.conversation.push({
    author: { id: ticket.requester.id, name: ticket.requester.name, role: 'end-user' },
    message: { content: q.get('message'), contentType: 'text/html' },
    channel: { name: 'email' },
    timestamp: new Date(Date.UTC(2026, 0, 15, 12)).toISOString(),
  });
}
const mode = ['off', 'warn', 'block'].includes(q.get('mode')) ? q.get('mode') : 'warn';
const threshold = q.has('threshold') && q.get('threshold') !== '' ? Number(q.get('threshold')) : 60;
const width = Math.max(240, Math.min(800, parseInt(q.get('width') ?? '320', 10) || 320));
const dims = q.has('dims') ? new Set(q.get('dims').split(',').map((s) => s.trim())) : new Set(DIMS);
const settings = { sendCheck: mode, scoreThreshold: threshold, customRules: q.get('rules') ?? '' };
for (const d of DIMS) settings[`coach${d[0].toUpperCase()}${d.slice(1)}`] = dims.has(d);

// Settings form reflects the current state.
for (const [id, t] of Object.entries(TICKETS)) $('ws-ticket').append(new Option(t.label, id, false, id === ticketId));
$('ws-mode').value = mode;
$('ws-threshold').value = String(threshold);
if (![...$('ws-width').options].some((o) => o.value === String(width))) $('ws-width').append(new Option(`${width} px`, String(width)));
$('ws-width').value = String(width);
document.documentElement.style.setProperty('--ws-sidebar', `${width}px`);

// Ticket header and conversation: all text, never markup (customer text is hostile).
$('ws-subject').textContent = ticket.subject;
$('ws-meta').textContent = `#${ticket.id} · ${ticket.requester.name} <${ticket.requester.email}> · Open`;
function renderConversation() {
  const list = $('ws-conversation');
  list.replaceChildren();
  for (const entry of ticket.conversation) {
    const li = document.createElement('li');
    li.className = `ws-msg ws-msg--${entry.internal ? 'internal' : entry.author.role === 'end-user' ? 'customer' : 'agent'}`;
    const head = document.createElement('div');
    head.className = 'ws-msg-head';
    const who = document.createElement('strong');
    who.textContent = entry.author.name;
    const when = document.createElement('span');
    when.textContent = `${entry.internal ? 'Internal note · ' : ''}${new Date(entry.timestamp).toUTCString().slice(5, 22)}`;
    head.append(who, when);
    const body = document.createElement('div');
    body.className = 'ws-msg-body';
    if (entry.message.contentType === 'text/html' && entry.author.role !== 'end-user') {
      body.append(sanitizeHtml(entry.message.content)); // the agent's own reply, sanitized
    } else {
      body.textContent = entry.message.content; // customer text: shown as text, even if it looks like HTML
    }
    li.append(head, body);
    list.append(li);
  }
}
renderConversation();

// The rich-text composer (HTML, paragraphs in <p> like Zendesk's editor).
const editor = $('ws-composer');
document.execCommand('defaultParagraphSeparator', false, 'p');
function ensureParagraph() {
  if (!editor.firstChild) editor.append(document.createElement('p'));
  const first = editor.firstChild;
  if (first.nodeName === 'P' && !first.firstChild) first.append(document.createElement('br'));
}
ensureParagraph();
const composer = {
  getText() {
    if (editor.textContent.trim() === '') return '';
    return editor.innerHTML;
  },
  setHtml(html) {
    editor.replaceChildren(sanitizeHtml(html));
    ensureParagraph();
  },
  appendText(text) {
    const p = document.createElement('p');
    p.textContent = text;
    editor.append(p);
  },
  appendHtml(html) {
    editor.append(sanitizeHtml(html));
  },
  onInput(cb) {
    editor.addEventListener('input', cb);
  },
};
$('ws-sample').addEventListener('click', () => {
  editor.replaceChildren();
  for (const para of ticket.sampleDraft.split('\n\n')) {
    const p = document.createElement('p');
    para.split('\n').forEach((line, i) => {
      if (i) p.append(document.createElement('br'));
      p.append(line);
    });
    editor.append(p);
  }
  editor.dispatchEvent(new Event('input'));
  editor.focus();
});

function toast(text, kind) {
  const t = document.createElement('div');
  t.className = `ws-toast ws-toast--${kind}`;
  t.textContent = text;
  $('ws-toasts').append(t);
  setTimeout(() => t.remove(), 5000);
}

const iframe = $('ws-app');
const zaf = createZafHost({
  iframe,
  src: '/app/assets/iframe.html',
  ticket,
  agent: AGENT,
  settings,
  composer,
  location: q.get('location') === 'new_ticket_sidebar' ? 'new_ticket_sidebar' : 'ticket_sidebar',
  notify: toast,
  latency: Math.max(0, Number(q.get('latency')) || 0),
});
zaf.load();

// Submit: Zendesk asks every app's ticket.save hook first.
let sends = 0;
$('ws-submit').addEventListener('click', async () => {
  const button = $('ws-submit');
  const banner = $('ws-banner');
  button.disabled = true;
  banner.hidden = true;
  $('ws-status').textContent = 'Submitting…';
  try {
    const r = await zaf.save();
    if (!r.ok) {
      banner.textContent = r.message;
      banner.hidden = false;
      $('ws-status').textContent = 'Not sent';
      document.body.dataset.lastSave = 'held';
      return;
    }
    const html = composer.getText();
    if (html) {
      ticket.conversation.push({
        author: { id: AGENT.id, name: AGENT.name, role: 'agent' },
        message: { content: html, contentType: 'text/html' },
        channel: { name: 'email' },
        timestamp: new Date().toISOString(),
      });
      renderConversation();
    }
    composer.setHtml('');
    sends += 1;
    document.body.dataset.sends = String(sends);
    document.body.dataset.lastSave = 'sent';
    $('ws-status').textContent = 'Reply sent';
    zaf.emit('ticket.submit.done', {});
    zaf.emit('ticket.conversation.changed', ticket.conversation);
    zaf.emit('comment.text.changed', '');
  } finally {
    button.disabled = false;
  }
});

window.rapportWorkspace = { zaf, composer, ticket, settings };
