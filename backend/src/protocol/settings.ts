import { z } from 'zod';

/**
 * Settings the backend keeps for each person, declared once for the server routes, the desktop
 * app's client and the popover: the person's own email domains (what counts as "inside" when a
 * send is scored) and their default meeting length. Environment-neutral: zod and pure functions.
 *
 * Widening which domains count as inside lowers the risk score of every send to them, so adding a
 * domain waits for a fresh approval on the person's phone (a stolen access token must not be able
 * to lower the risk of its own sends); removing one only tightens and needs no phone.
 */

/** Auth0 shows at most 64 characters on the phone; the binding message must name the whole domain. */
const BINDING_PREFIX = 'Count ';
const BINDING_SUFFIX = ' as inside';
export const INSIDE_DOMAIN_MAX_LENGTH = 64 - BINDING_PREFIX.length - BINDING_SUFFIX.length;
export const MAX_INSIDE_DOMAINS = 20;

/**
 * Public mail providers: anyone can have an address there, so counting one as inside would make
 * every stranger with such an address look like a colleague. Matched on the whole domain and on its
 * subdomains; the `…*` entries also cover every country variant (yahoo.co.uk, hotmail.fr).
 */
const PUBLIC_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'passport.com',
  'yahoo.com',
  'ymail.com',
  'rocketmail.com',
  'aol.com',
  'aim.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'protonmail.ch',
  'pm.me',
  'gmx.com',
  'gmx.net',
  'gmx.de',
  'web.de',
  'mail.com',
  'email.com',
  'zoho.com',
  'zohomail.com',
  'fastmail.com',
  'fastmail.fm',
  'hey.com',
  'tutanota.com',
  'tutanota.de',
  'tuta.io',
  'tuta.com',
  'yandex.com',
  'yandex.ru',
  'ya.ru',
  'mail.ru',
  'inbox.ru',
  'bk.ru',
  'list.ru',
  'qq.com',
  '163.com',
  '126.com',
  'yeah.net',
  'sina.com',
  'naver.com',
  'daum.net',
  'hanmail.net',
  'rediffmail.com',
  'comcast.net',
  'verizon.net',
  'att.net',
  'sbcglobal.net',
  'btinternet.com',
  'sky.com',
  'virginmedia.com',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'laposte.net',
  'sfr.fr',
  't-online.de',
  'freenet.de',
  'libero.it',
  'virgilio.it',
  'tiscali.it',
  'seznam.cz',
  'wp.pl',
  'o2.pl',
  'interia.pl',
  'bigpond.com',
  'shaw.ca',
  'rogers.com',
  'uol.com.br',
  'bol.com.br',
  'terra.com.br',
]);
/** Providers whose name is the first label under any ending: hotmail.fr, yahoo.co.jp, outlook.de. */
const PUBLIC_MAIL_NAMES = new Set(['gmail', 'googlemail', 'hotmail', 'outlook', 'live', 'yahoo', 'gmx', 'yandex', 'aol', 'icloud']);

/**
 * Second-level endings shared by many organisations (co.uk, com.au, ac.jp): a domain directly under
 * one of them names no single organisation. Without the full public suffix list this is the usual
 * two-letter country code under a generic second level, which covers the common cases.
 */
const SHARED_SECOND_LEVEL = new Set([
  'co',
  'com',
  'net',
  'org',
  'gov',
  'edu',
  'ac',
  'ltd',
  'plc',
  'ne',
  'or',
  'go',
  'gob',
  'nic',
  'mil',
  'sch',
]);

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Why a typed domain cannot count as inside, or undefined when it can (after `normalizeDomain`). */
export function insideDomainProblem(domain: string): string | undefined {
  if (domain.length === 0) return 'Type a domain such as example.com.';
  if (domain.includes('*')) return 'Wildcards are not allowed: type the domain itself (subdomains count as inside too).';
  if (domain.includes('@')) return 'Type only the part after the @, such as example.com.';
  if (/[^a-z0-9.-]/.test(domain))
    return 'A domain has only letters, digits, dots and hyphens (write an international domain in its xn-- form).';
  const labels = domain.split('.');
  if (labels.length < 2 || labels.some((l) => !LABEL.test(l))) return 'That is not a domain such as example.com.';
  if (/^[0-9]+$/.test(labels[labels.length - 1]!)) return 'Type a domain name, not an address of numbers.';
  if (domain.length > INSIDE_DOMAIN_MAX_LENGTH)
    return `That domain is too long to show in full on your phone (${INSIDE_DOMAIN_MAX_LENGTH} characters at most).`;
  if (labels.length === 2 && labels[1]!.length === 2 && SHARED_SECOND_LEVEL.has(labels[0]!))
    return `${domain} is shared by many organisations; type your organisation's own domain under it.`;
  const isPublic =
    labels.some((_, i) => PUBLIC_MAIL_DOMAINS.has(labels.slice(i).join('.'))) || PUBLIC_MAIL_NAMES.has(registrableName(labels));
  if (isPublic) return `${domain} is a public mail provider: anyone can have an address there, so it cannot count as your own domain.`;
  return undefined;
}

/** The organisation's name label: `yahoo` in mail.yahoo.co.uk, `acme` in acme.com. */
function registrableName(labels: readonly string[]): string {
  const n = labels.length;
  const underShared = n >= 3 && labels[n - 1]!.length === 2 && SHARED_SECOND_LEVEL.has(labels[n - 2]!);
  return labels[underShared ? n - 3 : n - 2] ?? '';
}

/** What a person may type: " @Example.COM. " is example.com. */
export function normalizeDomain(input: string): string {
  return input.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
}

/** A domain that may count as inside: normalized, then checked (see `insideDomainProblem`). */
export const InsideDomain = z
  .string()
  .max(300)
  .transform(normalizeDomain)
  .superRefine((d, ctx) => {
    const problem = insideDomainProblem(d);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** What the phone shows for adding `domain` (the popover shows the same words while it waits). */
export function insideDomainBindingMessage(domain: string): string {
  return `${BINDING_PREFIX}${domain}${BINDING_SUFFIX}`;
}

/** `POST /settings/domains`: adds one domain (after the phone approves). */
export const InsideDomainBody = z.strictObject({ domain: InsideDomain });
export type InsideDomainBody = z.input<typeof InsideDomainBody>;

export const InsideDomainResource = z.object({
  domain: z.string(),
  /** ISO-8601 UTC. */
  added_at: z.string(),
});
export type InsideDomainResource = z.infer<typeof InsideDomainResource>;

/**
 * `GET /settings/domains`, and the answer to `POST` (201 once approved; 200 when it was already
 * listed) and `DELETE /settings/domains/:domain` (200; 404 `NOT_FOUND` when it was not listed).
 * `sign_in_domain` always counts as inside and cannot be removed.
 */
export const InsideDomainsResponse = z.object({
  sign_in_domain: z.string().nullable(),
  domains: z.array(InsideDomainResource),
});
export type InsideDomainsResponse = z.infer<typeof InsideDomainsResponse>;

export const MEETING_MINUTES_MIN = 5;
export const MEETING_MINUTES_MAX = 480;
/** What a meeting lasts when the person names no length and has not chosen a default. */
export const DEFAULT_MEETING_MINUTES = 30;

export const MeetingMinutes = z.number().int().min(MEETING_MINUTES_MIN).max(MEETING_MINUTES_MAX);

/** `GET /settings/preferences` and `PUT /settings/preferences` (200): preferences that protect nothing, so no phone. */
export const UserPreferences = z.strictObject({
  /** How long a meeting the person asks for without a length lasts. */
  default_meeting_minutes: MeetingMinutes,
});
export type UserPreferences = z.infer<typeof UserPreferences>;
