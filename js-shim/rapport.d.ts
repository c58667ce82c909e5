// Types of Rapport's JS API (js-shim/coach.mjs, shipped as dist/rapport.mjs).
// The report shape is produced by src/report.cc; keep the two in step.

export type Dimension =
  | 'empathy' | 'urgency' | 'personalization' | 'positivity'
  | 'proactivity' | 'closing' | 'clarity';
export type Severity = 'tip' | 'warning' | 'critical';

export interface AnalyzeInput {
  /** The reply being written. */
  draft: string;
  /** Zendesk rich text is 'html'. Default 'text'. */
  format?: 'text' | 'html';
  /** Oldest first; the last one matters most. Strings or { text }. */
  customerMessages?: Array<string | { text: string }>;
  customerName?: string;
  agentName?: string;
  locale?: string;
  /**
   * The dimensions to coach (an admin setting). Default: all seven. The others
   * weigh nothing in the score, raise no findings and report coached: false.
   */
  dimensions?: Dimension[];
}

export interface Fix {
  op: 'replace' | 'insert';
  /** UTF-16 offsets into the draft as given (HTML included). */
  start: number;
  end: number;
  /** For HTML drafts, already HTML-escaped. */
  text: string;
}

export interface Finding {
  ruleId: string;
  dimension: Dimension;
  severity: Severity;
  message: string;
  /** UTF-16 offsets into the draft as given. */
  start: number;
  end: number;
  /** The text of the span, as plain text (shorten for display). */
  quote: string;
  fix?: Fix;
}

export interface Mention {
  type: 'order' | 'ticket' | 'account' | 'product' | 'email' | 'phone' | 'date' | 'tracking' | 'name';
  text: string;
  /** Index into customerMessages; -1 for the name given in the input. */
  message: number;
  start: number;
  end: number;
}

export interface Report {
  score: number;
  dimensions: Record<Dimension, { score: number; weight: number; coached?: false }>;
  customer: {
    frustration: number;
    urgency: number;
    sentiment: number;
    /** frustration reached the pack's threshold (settings.frustratedAt). */
    frustrated: boolean;
    /** urgency reached the pack's threshold (settings.urgentAt). */
    urgent: boolean;
    repeatContact: boolean;
    churnRisk: boolean;
    questions: number;
    mentions: Mention[];
    /** Ids of the customer-lexicon rules that fired. */
    evidence: string[];
  };
  findings: Finding[];
  /** Rules that earned credit, by dimension. */
  credits: Array<{ ruleId: string; dimension: Dimension; start: number; end: number; points: number }>;
  /** Why the score is what it is: points each dimension cost against 100. */
  explain: Array<{ dimension: Dimension; score: number; credit: number; penalty: number; cost: number }>;
  stats: { words: number; sentences: number; paragraphs: number; readingGrade: number; characters: number };
  /** True if the draft or a message was over the size limit and cut. */
  truncated: boolean;
  pack: { name: string; errors: Array<{ file: string; ruleId: string; reason: string }> };
}

export interface Coach {
  readonly version: string;
  readonly pack: string;
  readonly rules: number;
  /** Problems of the admin pack given to createCoach (then not in use). */
  readonly packErrors: Array<{ file: string; ruleId: string; reason: string }>;
  /** Throws RapportError('bad_input') for input of the wrong shape. */
  analyze(input: AnalyzeInput): Report;
  /**
   * The size of this coach's WebAssembly memory in bytes. It only ever grows
   * (WebAssembly memory cannot shrink); it stops growing once the coach has
   * seen its largest inputs.
   */
  memoryBytes(): number;
  dispose(): void;
}

export interface CreateCoachOptions {
  /** 'en' (default) or an admin pack (object or JSON string). */
  rules?: 'en' | object | string;
  /** Where rapport.wasm is; default: beside rapport.mjs. */
  wasmUrl?: string | URL;
  /** The wasm bytes, if the caller has them already. */
  wasmBinary?: ArrayBuffer | Uint8Array;
}

export class RapportError extends Error {
  code: 'bad_input' | 'bad_rules' | 'load_failed' | 'internal' | 'disposed' | string;
  details?: unknown;
}

export function createCoach(options?: CreateCoachOptions): Promise<Coach>;
export default createCoach;
