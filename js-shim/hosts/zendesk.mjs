// The Zendesk host adapter: the only module that touches ZAFClient. It turns
// the Zendesk Apps Framework (ZAF) into the small host interface app.mjs uses:
//
//   host.registered        Promise<{ context, settings }> (app.registered)
//   host.readDraft()       Promise<{ text, format: 'html' | 'text' }>
//   host.writeDraft(text)  replaces the comment (client.set('comment.text'))
//   host.readTicket()      Promise<{ customerName, agentName, customerMessages }>
//   host.onDraftChange(fn), host.onTicketChange(fn)
//   host.onBeforeSend(fn)  fn() -> Promise<string | null>: a string holds the
//                          reply with that message (ticket.save hook)
//   host.resize(height), host.notify(text, kind)
//
// Facts it relies on (docs: /work/shared/docs/zendesk-host.md): get() resolves
// with { errors, [path]: value }; the comment.text.changed payload is not
// confirmed, so the draft is always re-read; ticket.conversation entries look
// like { author: { role }, message: { content } } (not confirmed: read
// defensively).

import { htmlToText } from '../text.mjs';

const END_USER = new Set(['end-user', 'end_user', 'enduser', 'customer', 'user']);
const MAX_MESSAGES = 3;

/** The customer's messages (oldest first, at most 3) from ticket.conversation. */
export function customerMessagesFrom(conversation) {
  if (!Array.isArray(conversation)) return [];
  const out = [];
  for (const entry of conversation) {
    if (!entry || typeof entry !== 'object') continue;
    const role = String(entry.author?.role ?? '').toLowerCase();
    if (!END_USER.has(role)) continue;
    const content = entry.message?.content ?? entry.message?.text ?? entry.content ?? '';
    if (typeof content !== 'string') continue;
    const contentType = String(entry.message?.contentType ?? 'text/html');
    const text = contentType.includes('html') || /<[a-z][^>]*>/i.test(content) ? htmlToText(content) : content.trim();
    if (text) out.push(text);
  }
  return out.slice(-MAX_MESSAGES);
}

function pick(result, path) {
  if (!result || typeof result !== 'object') return undefined;
  if (result.errors && result.errors[path]) return undefined;
  return result[path];
}

/**
 * Connects to Zendesk. Returns null outside Zendesk (no SDK, or no origin /
 * app_guid in the URL).
 */
export function connectZendesk(ZAFClient = globalThis.ZAFClient) {
  if (!ZAFClient || typeof ZAFClient.init !== 'function') return null;
  const client = ZAFClient.init();
  if (!client) return null;

  const registered = new Promise((resolve) => {
    client.on('app.registered', (data) => {
      resolve({ context: data?.context ?? {}, settings: data?.metadata?.settings ?? {} });
    });
  });

  return {
    name: 'zendesk',
    registered,

    async readDraft() {
      const result = await client.get('comment');
      const comment = pick(result, 'comment') ?? {};
      const text = typeof comment.text === 'string' ? comment.text : '';
      return { text, format: comment.useRichText === false ? 'text' : 'html' };
    },

    async writeDraft(text) {
      await client.set('comment.text', text);
    },

    async readTicket() {
      const paths = ['ticket.requester.name', 'ticket.conversation', 'currentUser.name'];
      const result = await client.get(paths);
      const name = pick(result, 'ticket.requester.name');
      const agent = pick(result, 'currentUser.name');
      return {
        customerName: typeof name === 'string' ? name : '',
        agentName: typeof agent === 'string' ? agent : '',
        customerMessages: customerMessagesFrom(pick(result, 'ticket.conversation')),
      };
    },

    onDraftChange(fn) {
      client.on('comment.text.changed', () => fn());
    },

    onTicketChange(fn) {
      client.on('ticket.conversation.changed', () => fn());
      client.on('ticket.requester.id.changed', () => fn());
    },

    onBeforeSend(fn) {
      // A rejected promise with a string cancels the save and shows the string.
      client.on('ticket.save', () =>
        Promise.resolve()
          .then(fn)
          .then(
            (hold) => (typeof hold === 'string' && hold ? Promise.reject(hold) : true),
            () => true, // fail open
          ),
      );
    },

    resize(height) {
      client.invoke('resize', { width: '100%', height: `${Math.ceil(height)}px` }).catch(() => {});
    },

    notify(text, kind = 'notice') {
      client.invoke('notify', text, kind).catch(() => {});
    },
  };
}
