// What the panel and the send check show, derived from a core report and the
// admin settings: the score's word, the customer's mood, and the findings in
// severity order. (The core re-weights the score itself when it is told which
// dimensions to coach.)
// Pure functions: no DOM, no host.

import { DIMENSIONS } from './settings.mjs';

export const SEVERITY_RANK = { critical: 0, warning: 1, tip: 2 };

/** "Needs work" below 60, "Good" below 80, else "Excellent". */
export function scoreWord(score) {
  if (score < 60) return 'Needs work';
  if (score < 80) return 'Good';
  return 'Excellent';
}

/** 'low' | 'mid' | 'high', for colour. */
export function scoreBand(score) {
  return score < 60 ? 'low' : score < 80 ? 'mid' : 'high';
}

/** The customer's mood as chips: [{id, label}]. */
export function moodChips(customer) {
  if (!customer) return [];
  const chips = [];
  if (customer.frustrated) chips.push({ id: 'frustrated', label: 'Frustrated' });
  if (customer.urgent) chips.push({ id: 'urgent', label: 'Urgent' });
  if (customer.repeatContact) chips.push({ id: 'repeat', label: 'Repeat contact' });
  if (customer.churnRisk) chips.push({ id: 'churn', label: 'Churn risk' });
  return chips;
}

/** Findings of the coached dimensions, critical first, then by position. */
export function orderedFindings(findings, dimensions = DIMENSIONS) {
  const on = new Set(dimensions);
  return (findings ?? [])
    .filter((f) => on.has(f.dimension))
    .slice()
    .sort((a, b) => (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3) || a.start - b.start);
}

/** The first sentence of a message, for short summaries. */
export function headline(message) {
  const m = String(message ?? '').match(/^[^.!?]*[.!?]?/);
  return (m ? m[0] : String(message)).trim();
}
