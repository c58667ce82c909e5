// Plain-text helpers shared by the host adapters and the panel. No DOM here:
// everything is testable under node. Nothing in this file produces markup
// from untrusted text except escapeHtml, whose whole job is to make it inert.

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" };

/** Decodes the HTML character references a rich-text editor produces. */
export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+[0-9]*);/gi, (m, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[name.toLowerCase()] ?? m;
  });
}

/**
 * Rich text (HTML) to plain text for analysis and display: block ends and
 * <br> become line breaks, tags are dropped, entities decoded. The result is
 * only ever shown with textContent.
 */
export function htmlToText(html) {
  if (typeof html !== 'string' || html === '') return '';
  return decodeEntities(
    html
      .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|h[1-6]|blockquote|pre|tr)\s*>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Makes text safe to put inside HTML (element content or a quoted attribute). */
export function escapeHtml(s) {
  return String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** True for a draft with no words: '', whitespace, or an empty paragraph. */
export function isBlankDraft(text, format) {
  if (typeof text !== 'string') return true;
  const plain = format === 'html' ? htmlToText(text) : text;
  return plain.trim() === '';
}

/** Shortens text for display, at a word boundary when one is near. */
export function shorten(s, max = 80) {
  const one = String(s).replace(/\s+/g, ' ').trim();
  if (one.length <= max) return one;
  const cut = one.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut) + '\u2026';
}

/** The first word of a name ("Maria Lopez" -> "Maria"), trimmed. */
export function firstName(name) {
  if (typeof name !== 'string') return '';
  const first = name.trim().split(/\s+/)[0] ?? '';
  return first.length > 40 ? first.slice(0, 40) : first;
}
