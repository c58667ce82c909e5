// Plays Zendesk's part of the Zendesk Apps Framework wire protocol for one app
// iframe (see /work/shared/docs/zendesk-host.md, "The wire protocol"):
//   iframe -> parent  iframe.handshake, {id, request: get|set|invoke}, iframe.on:/iframe.off:,
//                     iframe.reply:ticket.save
//   parent -> iframe  zaf.app.registered, zaf.EVENT, zaf.ticket.save (needsReply), {id, result|error}
// The ticket and the composer are supplied by the page (workspace.mjs, the benchmark).

const SEND_HOOK_SAFETY_MS = 30_000; // Zendesk's own limit is unknown; the app bounds itself at 1.5 s

/**
 * @param {object} o
 * @param {HTMLIFrameElement} o.iframe
 * @param {string} o.src            the app's iframe.html URL (without origin/app_guid)
 * @param {object} o.ticket         { id, subject, requester: {id, name, email}, conversation: [...] }
 * @param {object} o.agent          { id, name }
 * @param {object} o.settings       the app's installation settings (manifest parameters)
 * @param {object} o.composer       { getText(), setHtml(html), appendText(s), appendHtml(s), onInput(cb) }
 * @param {string} [o.location]     'ticket_sidebar' | 'new_ticket_sidebar'
 * @param {(text:string, kind:string)=>void} [o.notify]
 * @param {(msg:object)=>void} [o.log]  every message both ways, for debugging
 * @param {number} [o.latency]      delay (ms) before answering each request: a slow Zendesk
 */
export function createZafHost(o) {
  const origin = window.location.origin;
  const appGuid = `app-${Math.random().toString(36).slice(2, 10)}`;
  const subscribers = new Map();
  let pendingSave = null;
  let registered = false;
  const log = o.log ?? (() => {});

  const url = new URL(o.src, window.location.href);
  url.searchParams.set('origin', origin);
  url.searchParams.set('app_guid', appGuid);

  function post(msg) {
    log({ dir: 'out', msg });
    o.iframe.contentWindow?.postMessage(JSON.stringify(msg), url.origin);
  }
  const answer = (msg) => (o.latency > 0 ? setTimeout(() => post(msg), o.latency) : post(msg));

  function emit(event, payload) {
    if (!registered || !(subscribers.get(event) > 0)) return false;
    post({ key: `zaf.${event}`, message: payload });
    return true;
  }

  const requesterName = () => o.ticket.requester?.name ?? '';
  function getPath(path) {
    const t = o.ticket;
    const comment = () => ({ text: o.composer.getText(), useRichText: true, type: 'publicReply' });
    const table = {
      comment,
      'comment.text': () => o.composer.getText(),
      'comment.useRichText': () => true,
      'comment.type': () => 'publicReply',
      ticket: () => ({ id: t.id, subject: t.subject, requester: t.requester }),
      'ticket.id': () => t.id,
      'ticket.subject': () => t.subject,
      'ticket.requester': () => t.requester,
      'ticket.requester.name': requesterName,
      'ticket.requester.email': () => t.requester?.email ?? '',
      'ticket.conversation': () => t.conversation,
      currentUser: () => ({ ...o.agent, role: 'agent' }),
      'currentUser.name': () => o.agent.name,
      'currentUser.id': () => o.agent.id,
    };
    if (!Object.hasOwn(table, path)) {
      return { error: { name: 'APIUnavailable', message: `Could not find handler for: "${path}"`, path } };
    }
    return { value: table[path]() };
  }

  function handleRequest(data) {
    const { id, request, params } = data;
    try {
      if (request === 'get') {
        const result = { errors: {} };
        for (const path of params) {
          const r = getPath(path);
          if (r.error) result.errors[path] = r.error;
          else result[path] = r.value;
        }
        return answer({ id, result });
      }
      if (request === 'set') {
        const result = { errors: {} };
        for (const [path, value] of Object.entries(params)) {
          if (path === 'comment.text') {
            o.composer.setHtml(String(value));
            result[path] = o.composer.getText();
          } else {
            result.errors[path] = { name: 'APIUnavailable', message: `Could not find handler for: "${path}"`, path };
          }
        }
        answer({ id, result });
        if ('comment.text' in params) emit('comment.text.changed', o.composer.getText());
        return;
      }
      if (request === 'invoke') {
        const result = { errors: {} };
        for (const [name, args] of Object.entries(params)) {
          if (name === 'resize') {
            const h = parseInt(args[0]?.height, 10);
            if (h > 0) o.iframe.style.height = `${Math.min(h, 4000)}px`;
          } else if (name === 'notify') {
            o.notify?.(String(args[0] ?? ''), String(args[1] ?? 'notice'));
          } else if (name === 'comment.appendText') {
            o.composer.appendText(String(args[0] ?? ''));
            emit('comment.text.changed', o.composer.getText());
          } else if (name === 'comment.appendHtml') {
            o.composer.appendHtml(String(args[0] ?? ''));
            emit('comment.text.changed', o.composer.getText());
          } else {
            result.errors[name] = { name: 'APIUnavailable', message: `Could not find handler for: "${name}"`, path: name };
          }
          result[name] = null;
        }
        return answer({ id, result });
      }
      answer({ id, error: { name: 'InvalidRequest', message: `unknown request ${request}` } });
    } catch (err) {
      answer({ id, error: { name: 'Error', message: String(err?.message ?? err) } });
    }
  }

  function onMessage(event) {
    if (event.source !== o.iframe.contentWindow || event.origin !== url.origin) return;
    let data = event.data;
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data);
      } catch {
        return;
      }
    }
    if (!data || typeof data !== 'object' || data.appGuid !== appGuid) return;
    log({ dir: 'in', msg: data });
    const key = typeof data.key === 'string' ? data.key : '';
    if (key === 'iframe.handshake') {
      registered = true;
      post({
        key: 'zaf.app.registered',
        message: {
          context: {
            product: 'support',
            location: o.location ?? 'ticket_sidebar',
            instanceGuid: appGuid,
            ticketId: o.ticket.id,
            account: { subdomain: 'local-workspace' },
          },
          metadata: {
            appId: 0,
            installationId: 1,
            name: 'Rapport',
            version: 'local',
            settings: { title: 'Rapport', ...o.settings },
          },
        },
      });
    } else if (key.startsWith('iframe.on:')) {
      subscribers.set(key.slice('iframe.on:'.length), Number(data.message?.subscriberCount) || 0);
    } else if (key.startsWith('iframe.off:')) {
      subscribers.set(key.slice('iframe.off:'.length), Number(data.message?.subscriberCount) || 0);
    } else if (key === 'iframe.reply:ticket.save') {
      pendingSave?.(data.error ? { ok: false, message: String(data.error.msg ?? 'The app stopped the save.') } : { ok: true });
    } else if (data.request) {
      handleRequest(data);
    }
  }

  window.addEventListener('message', onMessage);
  o.composer.onInput(() => emit('comment.text.changed', o.composer.getText()));

  return {
    appGuid,
    url: url.href,
    subscribers,
    /** Loads the app (sets the iframe's src). */
    load() {
      o.iframe.src = url.href;
    },
    emit,
    /**
     * Asks the app's ticket.save hook, like Zendesk does on Submit.
     * @returns {Promise<{ok: boolean, message?: string}>}
     */
    save() {
      if (!registered || !(subscribers.get('ticket.save') > 0)) return Promise.resolve({ ok: true });
      return new Promise((resolve) => {
        const timer = setTimeout(() => finish({ ok: true, timedOut: true }), SEND_HOOK_SAFETY_MS);
        const finish = (r) => {
          clearTimeout(timer);
          pendingSave = null;
          resolve(r);
        };
        pendingSave = finish;
        post({ key: 'zaf.ticket.save', needsReply: true });
      });
    },
    destroy() {
      window.removeEventListener('message', onMessage);
    },
  };
}
