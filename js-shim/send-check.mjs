// The check before sending (the host's save hook): decides from a report
// whether to hold a reply, and words the message. Modes (admin setting):
//   off    never hold.
//   warn   hold a reply below the threshold or with a critical finding, once:
//          sending again within `graceMs` goes through.
//   block  hold a reply with a critical finding (blame, condescension, ALL
//          CAPS), every time, with the reason.
// Failing open (errors, time-outs, no core) is the caller's job: see app.mjs.

import { headline, orderedFindings } from './coaching.mjs';
import { shorten } from './text.mjs';

export function createSendCheck({ mode, threshold, dimensions }, { graceMs = 60_000, now = () => Date.now() } = {}) {
  let heldAt = -Infinity;

  function issues(findings, n) {
    return findings.slice(0, n).map((f) => shorten(headline(f.message), 90));
  }

  return {
    mode,
    /**
     * @returns {null | {message: string, findings: object[]}} null lets the
     * reply go; otherwise the reply is held with the message.
     */
    decide(report) {
      if (mode === 'off' || !report) return null;
      const findings = orderedFindings(report.findings, dimensions);
      const critical = findings.filter((f) => f.severity === 'critical');
      if (mode === 'block') {
        if (critical.length === 0) return null;
        const why = critical.slice(0, 2).map((f) => `"${shorten(f.quote, 40)}": ${shorten(headline(f.message), 90)}`);
        return {
          message: `Rapport held this reply: ${why.join('; ')} Fix this, then send again.`,
          findings: critical,
        };
      }
      // warn
      const score = report.score;
      const weak = score < threshold;
      if (!weak && critical.length === 0) return null;
      const t = now();
      if (t - heldAt <= graceMs) {
        heldAt = -Infinity; // the agent chose to send; the next weak reply is held again
        return null;
      }
      heldAt = t;
      const top = critical.length ? critical : findings;
      const lead = weak ? `This reply scores ${score} (below ${threshold}).` : 'This reply has a critical issue.';
      const list = issues(top, 2);
      return {
        message: `Rapport: ${lead}${list.length ? ' Top issues: ' + list.join(' ') : ''} Send again within a minute to send it anyway.`,
        findings: top.slice(0, 2),
      };
    },
  };
}
