// A tiny element builder that can only make text: strings become text nodes,
// never markup. The panel shows customer text, which is hostile input; there
// is no innerHTML anywhere in the app (tests/app/no-html-sinks.test.mjs).

const SVG_NS = 'http://www.w3.org/2000/svg';

function build(el, props, children) {
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.setAttribute('class', value);
    else if (key === 'text') el.textContent = String(value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (/^(on|style$|srcdoc$|href$|src$)/i.test(key)) throw new Error(`dom: attribute ${key} is not allowed`);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return el;
}

/** h('p', { class: 'x', text: 'hello' }, child...) */
export function h(tag, props, ...children) {
  return build(document.createElement(tag), props, children);
}

/** Same for SVG elements. */
export function svg(tag, props, ...children) {
  return build(document.createElementNS(SVG_NS, tag), props, children);
}

/** Replaces an element's children. */
export function replaceChildren(el, ...children) {
  el.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}
