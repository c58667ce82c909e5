// What the panel and the send check show, derived from a core report and the
// admin settings: the score (re-weighted when an admin switched dimensions
// off), its word, the customer's mood, and the findings in severity order.
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

// The core flags a frustrated or urgent customer from 0.45 (rules/en settings).
const SIGNAL_AT = 0.45;

/** The customer's mood as chips: [{id, label}]. */
export function moodChips(customer) {
  if (!customer) return [];
  const chips = [];
  if (customer.frustration >= SIGNAL_AT) chips.push({ id: 'frustrated', label: 'Frustrated' });
  if (customer.urgency >= SIGNAL_AT) chips.push({ id: 'urgent', label: 'Urgent' });
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

/**
 * The overall score over the coached dimensions. With all seven on it is the
 * core's score. Otherwise the weighted mean of the coached ones (the core's own
 * formula), kept under the core's score when a coached finding is critical
 * (the core caps the score for critical findings).
 */
export function coachedScore(report, dimensions = DIMENSIONS) {
  if (dimensions.length === DIMENSIONS.length) return report.score;
  let sum = 0;
  let weight = 0;
  for (const d of dimensions) {
    const dim = report.dimensions?.[d];
    if (!dim) continue;
    sum += dim.weight * dim.score;
    weight += dim.weight;
  }
  if (weight === 0) return report.score;
  let score = Math.round(sum / weight);
  const critical = orderedFindings(report.findings, dimensions).some((f) => f.severity === 'critical');
  if (critical) score = Math.min(score, report.score);
  return score;
}

/** The first sentence of a message, for short summaries. */
export function headline(message) {
  const m = String(message ?? '').match(/^[^.!?]*[.!?]?/);
  return (m ? m[0] : String(message)).trim();
}
