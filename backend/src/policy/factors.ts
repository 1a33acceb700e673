import type { ActionKind } from './action.js';

/**
 * The risk tables. Every number the policy uses lives here as data so a reviewer can read the whole
 * scoring in one screen and a change to it is one diff line; `score.ts` only looks rows up.
 *
 * Score = action type (0-40) + reversibility (0-25) + blast radius (0-20) + sensitivity (0-15)
 * + recipient trust (0-20, listed only when something was found: a diverted reply, a first contact).
 */

interface ActionRow {
  /** Points for the kind of action. */
  points: number;
  detail: string;
  /** Points for how hard the action is to undo. */
  reversibility: number;
  reversibilityDetail: string;
  /** Does the action reach other people? Blast radius only counts for those that do. */
  delivers: boolean;
  /** Can the action carry a payment or a credential to someone? (then it may be reclassified) */
  carriesMessage: boolean;
  /** What the people it reaches are called in the explanation. */
  audience?: 'attendee' | 'recipient';
}

export const ACTION_TABLE: Readonly<Record<ActionKind, ActionRow>> = {
  read: {
    points: 0,
    detail: 'reads data, changes nothing',
    reversibility: 0,
    reversibilityDetail: 'nothing to undo',
    delivers: false,
    carriesMessage: false,
  },
  summarize: {
    points: 0,
    detail: 'summarises data, changes nothing',
    reversibility: 0,
    reversibilityDetail: 'nothing to undo',
    delivers: false,
    carriesMessage: false,
  },
  draft: {
    points: 5,
    detail: 'creates a draft only you can see',
    reversibility: 0,
    reversibilityDetail: 'a draft can be deleted',
    delivers: false,
    carriesMessage: false,
  },
  schedule: {
    points: 10,
    detail: 'creates an event',
    reversibility: 5,
    reversibilityDetail: 'the event can be deleted, though invitations may have been seen',
    delivers: true,
    carriesMessage: false,
    audience: 'attendee',
  },
  update: {
    points: 10,
    detail: 'changes an existing event',
    reversibility: 10,
    reversibilityDetail: 'attendees are notified of the change',
    delivers: true,
    carriesMessage: false,
    audience: 'attendee',
  },
  cancel: {
    points: 20,
    detail: 'cancels an event',
    reversibility: 15,
    reversibilityDetail: 'attendees are told it is cancelled; re-inviting is visible',
    delivers: true,
    carriesMessage: false,
    audience: 'attendee',
  },
  post: {
    points: 20,
    detail: 'posts a message as you',
    reversibility: 10,
    reversibilityDetail: 'can be edited or deleted, but may already be read',
    delivers: true,
    carriesMessage: true,
  },
  reply: {
    points: 20,
    detail: 'sends an email reply as you',
    reversibility: 25,
    reversibilityDetail: 'an email cannot be unsent',
    delivers: true,
    carriesMessage: true,
  },
  send: {
    points: 20,
    detail: 'sends an email as you',
    reversibility: 25,
    reversibilityDetail: 'an email cannot be unsent',
    delivers: true,
    carriesMessage: true,
  },
};

/** A message that moves money or hands over a credential is scored as this class instead of its kind. */
export const FINANCIAL_AUTH_POINTS = 40;

interface TermRow {
  /** Shown in the explanation. */
  term: string;
  pattern: RegExp;
  points: number;
}

/** Words that make a message a financial or credential action (only for actions that carry a message). */
export const FINANCIAL_AUTH_TERMS: readonly (TermRow & { category: 'financial' | 'auth' })[] = [
  { term: 'wire transfer', pattern: /\bwire(d|s)?\b/i, points: FINANCIAL_AUTH_POINTS, category: 'financial' },
  { term: 'payment', pattern: /\bpayments?\b|\bpay(ing)? (the|this|an?) invoice\b/i, points: FINANCIAL_AUTH_POINTS, category: 'financial' },
  { term: 'invoice', pattern: /\binvoices?\b/i, points: FINANCIAL_AUTH_POINTS, category: 'financial' },
  {
    term: 'bank details',
    pattern: /\biban\b|\brouting number\b|\bbank account\b|\baccount number\b|\bswift code\b/i,
    points: FINANCIAL_AUTH_POINTS,
    category: 'financial',
  },
  { term: 'password', pattern: /\bpass(word|code|phrase)s?\b/i, points: FINANCIAL_AUTH_POINTS, category: 'auth' },
  {
    term: 'one-time code',
    pattern: /\b2fa\b|\bmfa\b|\bverification code\b|\bone[- ]time (pass)?code\b|\botp\b/i,
    points: FINANCIAL_AUTH_POINTS,
    category: 'auth',
  },
];

/** Sensitive words in subject/body/title. Points add up; the factor is capped at SENSITIVITY_CAP. */
export const SENSITIVE_TERMS: readonly TermRow[] = [
  { term: 'NDA', pattern: /\bnda\b|\bnon-?disclosure\b/i, points: 10 },
  { term: 'LOI', pattern: /\bloi\b|\bletter of intent\b/i, points: 10 },
  { term: 'term sheet', pattern: /\bterm ?sheets?\b/i, points: 10 },
  { term: 'payroll', pattern: /\bpayroll\b/i, points: 12 },
  { term: 'salary', pattern: /\bsalar(y|ies)\b|\bcompensation\b/i, points: 10 },
  { term: 'wire', pattern: /\bwire(d|s)?\b/i, points: 12 },
  { term: 'password', pattern: /\bpass(word|code|phrase)s?\b/i, points: 15 },
  { term: 'bank details', pattern: /\biban\b|\brouting number\b|\bbank account\b|\baccount number\b/i, points: 12 },
  { term: 'SSN', pattern: /\bssn\b|\bsocial security\b/i, points: 15 },
  { term: 'confidential', pattern: /\bconfidential\b/i, points: 8 },
  { term: 'M&A', pattern: /\bacquisitions?\b|\bmergers?\b/i, points: 8 },
  { term: 'layoffs', pattern: /\blay-?offs?\b/i, points: 10 },
  { term: 'invoice', pattern: /\binvoices?\b/i, points: 5 },
  { term: 'contract', pattern: /\bcontracts?\b/i, points: 4 },
];

/** Mailbox labels (matched case-insensitively by name) that mark a thread sensitive. */
export const SENSITIVE_LABELS: Readonly<Record<string, number>> = {
  restricted: 10,
  confidential: 8,
  finance: 6,
  hr: 6,
  legal: 5,
  personal: 3,
  important: 1,
};

export const SENSITIVITY_CAP = 15;

/** Blast radius: how many people the action reaches, first matching row (largest minimum first). */
export const AUDIENCE_TIERS: readonly { min: number; points: number }[] = [
  { min: 100, points: 15 },
  { min: 25, points: 12 },
  { min: 10, points: 8 },
  { min: 4, points: 5 },
  { min: 2, points: 2 },
  { min: 0, points: 0 },
];

/** Outside-domain addresses: the first costs OUTSIDE_FIRST, each further one OUTSIDE_EACH, up to OUTSIDE_CAP. */
export const OUTSIDE_FIRST = 4;
export const OUTSIDE_EACH = 2;
export const OUTSIDE_CAP = 10;
export const BLAST_RADIUS_CAP = 20;

/**
 * Recipient trust, for actions that deliver a message. A Reply-To sending the answer to another
 * domain than the sender's is the classic look-alike/invoice-fraud move; on the same domain it is
 * often a shared inbox but still not the person who wrote. A first-time recipient costs less: new
 * people are normal, but a misheard or look-alike name usually lands on one.
 */
export const REPLY_TO_OTHER_DOMAIN_POINTS = 15;
export const REPLY_TO_SAME_DOMAIN_POINTS = 8;
export const FIRST_TIME_FIRST = 5;
export const FIRST_TIME_EACH = 2;
export const FIRST_TIME_CAP = 9;
export const RECIPIENT_TRUST_CAP = 20;

/** Score → level bands, shared with the app through the protocol. */
export { LEVEL_THRESHOLDS } from '../protocol/index.js';
