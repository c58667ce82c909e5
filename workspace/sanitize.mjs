// What the workspace's rich-text composer accepts from an app's
// client.set('comment.text', html), like Zendesk's editor: a small allowlist
// of formatting tags, no attributes but a safe href. The HTML is parsed in an
// inert document (DOMParser runs no script and loads nothing).

const ALLOWED = new Set(['P', 'BR', 'B', 'STRONG', 'I', 'EM', 'U', 'S', 'UL', 'OL', 'LI', 'A', 'BLOCKQUOTE', 'CODE', 'PRE', 'SPAN', 'DIV', 'H1', 'H2', 'H3', 'H4']);
const DROP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'NOSCRIPT', 'TITLE', 'META', 'LINK']);

function clean(node, doc) {
  const out = doc.createDocumentFragment();
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      out.append(doc.createTextNode(child.data));
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      if (DROP.has(child.tagName)) continue;
      if (!ALLOWED.has(child.tagName)) {
        out.append(clean(child, doc));
        continue;
      }
      const el = doc.createElement(child.tagName.toLowerCase());
      const href = child.tagName === 'A' ? child.getAttribute('href') ?? '' : '';
      if (/^(https?:|mailto:)/i.test(href)) el.setAttribute('href', href);
      el.append(clean(child, doc));
      out.append(el);
    }
  }
  return out;
}

/** Returns a fragment of `doc` holding the sanitized content of `html`. */
export function sanitizeHtml(html, doc = document) {
  const parsed = new DOMParser().parseFromString(String(html), 'text/html');
  return clean(parsed.body, doc);
}
