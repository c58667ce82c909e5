// The admin settings (manifest parameters, delivered by the host as
// metadata.settings) turned into what the app uses. Unknown or broken values
// fall back to safe defaults and leave a note for the panel to show.

export const DIMENSIONS = [
  'empathy', 'urgency', 'personalization', 'positivity', 'proactivity', 'closing', 'clarity',
];
export const MODES = ['off', 'warn', 'block'];
export const DEFAULT_THRESHOLD = 60;

const paramFor = (dim) => 'coach' + dim[0].toUpperCase() + dim.slice(1);

function bool(value, fallback) {
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'boolean') return value;
  const s = String(value).trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(s)) return true;
  if (['false', '0', 'no', 'off'].includes(s)) return false;
  return fallback;
}

/**
 * @param {object|undefined} raw metadata.settings
 * @returns {{mode:'off'|'warn'|'block', threshold:number, customRules:string,
 *   dimensions:string[], notes:string[]}}
 */
export function parseSettings(raw) {
  const s = raw && typeof raw === 'object' ? raw : {};
  const notes = [];

  let mode = String(s.sendCheck ?? 'warn').trim().toLowerCase() || 'warn';
  if (!MODES.includes(mode)) {
    notes.push(`Unknown send check mode "${String(s.sendCheck)}"; using warn.`);
    mode = 'warn';
  }

  let threshold = DEFAULT_THRESHOLD;
  if (s.scoreThreshold !== undefined && s.scoreThreshold !== null && s.scoreThreshold !== '') {
    const n = Number(s.scoreThreshold);
    if (Number.isFinite(n)) threshold = Math.min(100, Math.max(0, n));
    else notes.push(`Score threshold "${String(s.scoreThreshold)}" is not a number; using ${DEFAULT_THRESHOLD}.`);
  }

  const customRules = typeof s.customRules === 'string' ? s.customRules.trim() : '';

  const dimensions = DIMENSIONS.filter((d) => bool(s[paramFor(d)], true));
  if (dimensions.length === 0) {
    notes.push('No dimension is selected for coaching; showing all.');
    dimensions.push(...DIMENSIONS);
  }
  return { mode, threshold, customRules, dimensions, notes };
}
