// The coaching panel: score ring, the customer's mood, seven dimension bars,
// findings with Apply, quick inserts, Undo, and notices. It draws a view model
// (see app.mjs) and calls back on clicks; it knows nothing of hosts or the core.
// All text goes in as text (dom.mjs).

import { h, replaceChildren, svg } from './dom.mjs';

const RING_R = 27;
const RING_C = 2 * Math.PI * RING_R;
const SEVERITY_LABEL = { critical: 'Critical', warning: 'Warning', tip: 'Tip' };
const DIM_LABEL = {
  empathy: 'Empathy',
  urgency: 'Urgency',
  personalization: 'Personalization',
  positivity: 'Positivity',
  proactivity: 'Proactivity',
  closing: 'Closing',
  clarity: 'Clarity',
};
const ANNOUNCE_AFTER_MS = 1000;

export function createPanel(root, { onApply, onInsert, onUndo } = {}) {
  let revision = 0;
  let findingsSig = '';
  let insertsSig = '';
  let dimsSig = '';
  let announceTimer = null;
  let announced = '';

  // Skeleton, built once.
  const ringValue = svg('circle', {
    class: 'rp-ring-value', cx: 32, cy: 32, r: RING_R, fill: 'none', 'stroke-width': 7,
    'stroke-dasharray': `0 ${RING_C}`, transform: 'rotate(-90 32 32)', 'stroke-linecap': 'round',
  });
  const ringNum = h('span', { class: 'rp-ring-num', 'aria-hidden': 'true', text: '–' });
  const ring = h('div', { class: 'rp-ring', role: 'img', 'aria-label': 'No score yet' },
    svg('svg', { viewBox: '0 0 64 64', width: 64, height: 64, 'aria-hidden': 'true', focusable: 'false' },
      svg('circle', { class: 'rp-ring-track', cx: 32, cy: 32, r: RING_R, fill: 'none', 'stroke-width': 7 }),
      ringValue),
    ringNum);
  const word = h('p', { class: 'rp-word', text: 'Waiting for your reply' });
  const sub = h('p', { class: 'rp-sub', text: 'Reply score' });
  const live = h('p', { class: 'rp-sr', 'aria-live': 'polite', 'aria-atomic': 'true', id: 'rp-live' });
  const held = h('div', { class: 'rp-held', role: 'alert', hidden: true });
  const undoText = h('span', { class: 'rp-undo-text' });
  const undoBtn = h('button', { type: 'button', class: 'rp-btn rp-btn--secondary', text: 'Undo', onclick: () => onUndo?.() });
  const undo = h('div', { class: 'rp-undo', role: 'status', hidden: true }, undoText, undoBtn);
  const notes = h('ul', { class: 'rp-notes', hidden: true });
  const chips = h('ul', { class: 'rp-chips', 'aria-label': "Customer's mood" });
  const dims = h('ul', { class: 'rp-dims' });
  const findingsTitle = h('h2', { class: 'rp-h', id: 'rp-findings-title', tabindex: '-1', text: 'Suggestions' });
  const findings = h('ol', { class: 'rp-findings', 'aria-labelledby': 'rp-findings-title' });
  const inserts = h('div', { class: 'rp-inserts', role: 'group', 'aria-labelledby': 'rp-inserts-title' });

  const body = h('div', { class: 'rp-body' },
    h('section', { class: 'rp-summary', 'aria-label': 'Reply score' },
      ring, h('div', { class: 'rp-summary-text' }, word, sub)),
    live,
    held,
    undo,
    notes,
    h('section', { class: 'rp-section', 'aria-labelledby': 'rp-mood-title' },
      h('h2', { class: 'rp-h', id: 'rp-mood-title', text: 'Customer' }), chips),
    h('section', { class: 'rp-section', 'aria-labelledby': 'rp-findings-title' }, findingsTitle, findings),
    h('section', { class: 'rp-section', 'aria-labelledby': 'rp-inserts-title' },
      h('h2', { class: 'rp-h', id: 'rp-inserts-title', text: 'Quick inserts' }), inserts),
    h('section', { class: 'rp-section', 'aria-labelledby': 'rp-dims-title' },
      h('h2', { class: 'rp-h', id: 'rp-dims-title', text: 'Dimensions' }), dims));

  function bump(state) {
    revision += 1;
    root.dataset.state = state;
    root.dataset.revision = String(revision);
  }

  function announce(text) {
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      if (text !== announced) {
        announced = text;
        live.textContent = text;
      }
    }, ANNOUNCE_AFTER_MS);
  }

  function renderRing(model) {
    const band = model.blank ? 'none' : model.band;
    ring.dataset.band = band;
    word.dataset.band = band;
    if (model.blank) {
      ringNum.textContent = '–';
      ringValue.setAttribute('stroke-dasharray', `0 ${RING_C}`);
      ring.setAttribute('aria-label', 'No score yet');
      word.textContent = 'Waiting for your reply';
      sub.textContent = 'Start typing to get coaching';
      return;
    }
    ringNum.textContent = String(model.score);
    ringValue.setAttribute('stroke-dasharray', `${(RING_C * model.score) / 100} ${RING_C}`);
    ring.setAttribute('aria-label', `Score ${model.score} out of 100`);
    word.textContent = model.word;
    const n = model.findings.length;
    sub.textContent = `Reply score · ${n === 0 ? 'no suggestions' : n === 1 ? '1 suggestion' : `${n} suggestions`}`;
    announce(`Reply score ${model.score}, ${model.word}`);
  }

  function renderChips(model) {
    if (model.chips.length === 0) {
      replaceChildren(chips, h('li', { class: 'rp-chip rp-chip--calm', text: model.hasCustomer ? 'No strong signals' : 'No customer message yet' }));
      return;
    }
    replaceChildren(chips, model.chips.map((c) => h('li', { class: `rp-chip rp-chip--${c.id}`, text: c.label })));
  }

  function renderDims(model) {
    const sig = JSON.stringify(model.dims) + model.blank;
    if (sig === dimsSig) return;
    dimsSig = sig;
    replaceChildren(dims, model.dims.map((d) => {
      const value = model.blank ? 0 : d.score;
      const fill = h('span', { class: 'rp-bar-fill', 'data-band': model.blank ? 'none' : d.band });
      fill.style.width = `${value}%`;
      return h('li', { class: 'rp-dim' },
        h('span', { class: 'rp-dim-label', id: `rp-dim-${d.id}`, text: DIM_LABEL[d.id] ?? d.id }),
        h('span', {
          class: 'rp-bar', role: 'meter', 'aria-labelledby': `rp-dim-${d.id}`,
          'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': value,
        }, fill),
        h('span', { class: 'rp-dim-value', 'aria-hidden': 'true', text: model.blank ? '–' : String(d.score) }));
    }));
  }

  function renderFindings(model) {
    const sig = JSON.stringify(model.findings.map((f) => [f.key, f.severity, f.message, f.quote, f.fixPreview]));
    if (sig === findingsSig) return;
    findingsSig = sig;
    const focusedKey = findings.contains(document.activeElement) ? document.activeElement.dataset.key : null;
    findingsTitle.textContent = model.findings.length ? `Suggestions (${model.findings.length})` : 'Suggestions';
    if (model.findings.length === 0) {
      replaceChildren(findings, h('li', { class: 'rp-empty', text: model.blank ? 'Suggestions appear as you type.' : 'No suggestions. Nice reply!' }));
    } else {
      replaceChildren(findings, model.findings.map((f, i) => {
        const msgId = `rp-f-${i}`;
        return h('li', { class: `rp-finding rp-finding--${f.severity}` },
          h('div', { class: 'rp-finding-head' },
            h('span', { class: `rp-badge rp-badge--${f.severity}`, text: SEVERITY_LABEL[f.severity] ?? f.severity }),
            h('span', { class: 'rp-finding-dim', text: DIM_LABEL[f.dimension] ?? f.dimension })),
          f.quote ? h('q', { class: 'rp-quote', text: f.quote }) : null,
          h('p', { class: 'rp-msg', id: msgId, text: f.message }),
          f.fixPreview !== null
            ? h('div', { class: 'rp-fix' },
                h('span', { class: 'rp-fix-text', text: f.fixPreview }),
                h('button', {
                  type: 'button', class: 'rp-btn', 'data-key': f.key, 'aria-describedby': msgId,
                  text: 'Apply', onclick: () => onApply?.(f.key),
                }))
            : null);
      }));
    }
    if (focusedKey) {
      const again = [...findings.querySelectorAll('button')].find((b) => b.dataset.key === focusedKey);
      (again ?? findingsTitle).focus?.();
    }
  }

  function renderInserts(model) {
    const sig = JSON.stringify(model.inserts);
    if (sig === insertsSig) return;
    insertsSig = sig;
    replaceChildren(inserts, model.inserts.map((ins) =>
      h('button', {
        type: 'button', class: 'rp-btn rp-btn--secondary rp-insert', 'data-insert': ins.id,
        title: ins.preview, text: ins.label, onclick: () => onInsert?.(ins.id),
      })));
  }

  function renderNotes(list) {
    notes.hidden = list.length === 0;
    replaceChildren(notes, list.map((n) => h('li', { text: n })));
  }

  return {
    showLoading() {
      replaceChildren(root, h('p', { class: 'rp-status', role: 'status', text: 'Loading Rapport…' }));
      bump('loading');
    },

    /** Coaching is off; the agent can still write and send. */
    showUnavailable(reason) {
      replaceChildren(root,
        h('div', { class: 'rp-unavailable', role: 'status' },
          h('p', { class: 'rp-unavailable-title', text: 'Coaching is unavailable' }),
          h('p', { class: 'rp-sub', text: reason || 'Rapport could not start. You can write and send replies as usual.' })));
      bump('unavailable');
    },

    render(model) {
      if (!root.contains(body)) replaceChildren(root, body);
      renderRing(model);
      renderChips(model);
      renderFindings(model);
      renderInserts(model);
      renderDims(model);
      renderNotes(model.notes ?? []);
      bump('ready');
    },

    setUndo(label) {
      if (!label) {
        const hadFocus = undo.contains(document.activeElement);
        undo.hidden = true;
        if (hadFocus) findingsTitle.focus();
        return;
      }
      undoText.textContent = label;
      undo.hidden = false;
      undoBtn.focus();
    },

    setHeld(message) {
      held.hidden = !message;
      held.textContent = message || '';
    },
  };
}
