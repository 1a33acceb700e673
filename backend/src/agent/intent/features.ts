import type { MailAnalysis } from './schema.js';
import { parseNumber } from './when.js';

/**
 * Keyword families for the parts of a request that are not tools or actions (what a calendar change does
 * is operation.ts): mail flags (reply-all, forward, keep as draft), mailbox questions, organisations and ordinals.
 * Each family lists the ways people say one thing, so a new phrasing of a known idea still lands.
 */

/** Words that point at an existing calendar entry ("my 3pm", "the standup", "the invite"). */
export const EVENT_WORDS =
  /\b(?:meetings?|events?|appointments?|invites?|invitations?|calendar|1:1s?|one on ones?|one-on-ones?|syncs?|stand-?ups?|calls?|lunch|dinner|coffee|interviews?|reviews?|demos?|check-?ins?|catch-?ups?|offsites?|retros?|kick-?offs?|sessions?|rsvp|all[- ]?hands|town ?halls?|webinars?|workshops?|parties|party|conferences?|standups?|happy hours?)\b|\b(?:my|the|our|this)\s+(?:\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|o'?clock)?|noon|morning|afternoon)\b(?!\s*(?:e-?mails?|messages?|threads?))|\b(?:tomorrow's|today's|friday's|monday's|tuesday's|wednesday's|thursday's)\b/i;

export const REPLY_ALL =
  /\breply(?:ing)?[- ]?(?:to )?all\b|\brespond(?:ing)? to (?:all|everyone)\b|\b(?:everyone|everybody|all) on (?:the|that|this) (?:thread|email|chain)\b|\breply to everyone\b|\breply[- ]all\b/i;
const FORWARD_WORDS =
  /\b(?:forward|fwd|fw)\b|\b(?:pass|send)\b(?:\s+[\w']+){1,10}?\s+(?:along|on)\s+to\b|\b(?:pass|send)\s+(?:along|on)\s+(?:the|that|this|my|[\w'-]+'s)\b(?:\s+[\w'-]+){1,8}?\s+to\b|\bsend (?:it|this|that) (?:on|along|over) to\b|\b(?:pass|send)\b(?:\s+[\w']+){1,4}?\s+from\s+(?:[\w'-]+\s+){1,3}?(?:over|across)\s+to\b/i;
/** "bring the review forward", "pull it forward to 10": a time moving earlier, not a mail forward. */
const FORWARD_IN_TIME = /\b(?:bring|brought|pull|pulled|move|moved|push|pushed|shift|shifted)\b(?:\s+[\w':]+){0,8}?\s+forward\b/i;
/** The text without a time-forward phrase, so its "forward" names no mail. */
export function withoutTimeForward(text: string): string {
  return FORWARD_IN_TIME.test(text) && !/\be-?mails?\b|\bmail\b/i.test(text) ? text.replace(/\bforward\b/gi, 'earlier') : text;
}
export const FORWARD = {
  test: (text: string): boolean => FORWARD_WORDS.test(text) && !(FORWARD_IN_TIME.test(text) && !/\be-?mails?\b|\bmail\b/i.test(text)),
};
export const SAVE_AS_DRAFT =
  /\b(?:save (?:it |this |that )?(?:as |in |to )?(?:an? |my )?(?:[\w-]+ )?drafts?|as an? (?:[\w-]+ )?draft|in(?:to)? (?:my |the )?drafts(?: folder)?|(?:don't|do not|dont) send(?: it)?(?: yet)?|without sending|not send(?: it)?(?: yet)?|leave (?:it )?(?:in|as) (?:a )?drafts?|just (?:a )?draft|^draft (?:a |the )?forward\b|i'?ll send it (?:myself|later|when)|keep (?:it )?as a draft|(?:leave|keep) (?:it )?unsent|save a draft|hold (?:off on|it) (?:sending)?)\b/i;

const ANALYSES: Array<[MailAnalysis, RegExp]> = [
  [
    'top_senders',
    /\bwho(?:'s|\s+has|\s+have|\s+all(?:\s+have|\s+has)?)?\s+(?:wrote|written|emailed|mailed|sent|messaged|writes|emails|sends)(?: me| to me)?(?: the)? most\b|\bwho(?:'s| is| has been| was)? (?:been )?(?:emailing|writing|messaging|sending)(?: me| to me)?(?: the)? most\b|\btop (?:e-?mail )?senders\b|\bwho (?:sends|sent) me (?:the )?most\b|\bmost (?:active|frequent) (?:senders?|emailers?|correspondents?)\b|\bwho(?:'s| is| has been| was)? (?:been )?(?:the )?most active\b|\bwho (?:do i|did i) (?:get|hear from|receive) (?:the )?most\b/i,
  ],
  [
    'did_reply',
    /\b(?:did|has|have|had|didn't|hasn't|haven't)\s+(?:[\w'-]+(?:\s+[\w'-]+){0,2})\s+(?:ever\s+|already\s+|yet\s+)?(?:reply|replied|respond|responded|answer|answered|get back|gotten back|got back(?! to back)|come back|came back|write back|written back|wrote back|reply back|e-?mail(?:ed)? (?:me )?back|message(?:d)? (?:me )?back|revert(?:ed)?)\b|\b(?:any|a|no)\s+(?:reply|replies|response|responses|answers?)\s+(?:from|to|on)\b(?!\s+me\b)|\b(?:is|are) (?:\w+ )?still waiting on\b|\bwhether\s+\w+\s+(?:replied|responded|answered|got back(?! to back))\b|^(?!i\b|you\b|we\b)[\w'-]+(?:\s+[A-Z][\w'-]*)?\s+(?:has\s+|have\s+)?(?:replied|responded|answered|got back(?! to back)|gotten back|wrote back|written back)\b|\b(?:heard|hear) back from\b|^(?!i\b|you\b|we\b)[a-z][\w'-]*\s+(?:reply|respond|answer|get back)\b.*\byet\s*\??$|\b(?:think|guess|believe|suspect|wonder(?:ing)? (?:if|whether)|see if|check if|know if|sure if|whether|if)\s+(?!i\b|you\b|we\b)[a-z][\w'-]*\s+(?:has\s+|have\s+|ever\s+|already\s+|finally\s+)?(?:replied|responded|answered|got back(?! to back)|gotten back|wrote back|written back)\b/i,
  ],
];

export function mailAnalysis(text: string): MailAnalysis | undefined {
  // "which person emailed me the most" asks who.
  const asked = text.replace(/\bwhich (?:person|people|sender|senders|contact|contacts|one)\b/gi, 'who');
  for (const [a, re] of ANALYSES) if (re.test(asked)) return a;
  return undefined;
}

/** Teams and departments people name as senders ("what did legal say"). */
const DEPARTMENTS =
  'legal|finance|hr|human resources|accounting|billing|payroll|procurement|compliance|security|it support|support|sales|marketing|recruiting|leadership|the board|the bank|ops|operations|engineering|product|design|customer success|partnerships';
/** Things organisations send, so "the invoice from Acme" names a company, not a person. */
// Only what companies send; a contract or proposal "from Dana" is from a person.
const ORG_DOCS =
  'invoices?|receipts?|bills?|statements?|quotes?|orders?|newsletters?|renewals?|payments?|shipping|delivery|alerts?|subscription|booking|confirmation|notices?|letters?|notifications?';
const ORG_SUFFIX =
  /\b([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)?)\s+(?:Inc|Corp|Corporation|LLC|Ltd|GmbH|Co|Group|Bank|Labs|Technologies|Systems)\b\.?/;

export function findOrganization(text: string): string | undefined {
  const dept = new RegExp(
    `\\b(?:from|by|with|did|has|have|what did|what has|what's|whats)\\s+(?:the\\s+)?(${DEPARTMENTS})(?:\\s+team)?\\b|\\b(?:the\\s+)?(${DEPARTMENTS})(?:\\s+team)?(?:'s)?\\s+(?:said|say|says|wrote|write|writes|sent|send|replied|reply|emailed|email|emails|mail|message|messages|note|wants|asked|ask|think)\\b`,
    'i',
  ).exec(text);
  const d = dept?.[1] ?? dept?.[2];
  if (d) return d.replace(/^the\s+/i, '').toLowerCase();
  const suffixed = ORG_SUFFIX.exec(text) ?? /\b([a-z][\w&.-]*)\s+(?:inc|corp|llc|ltd|gmbh)\b\.?/.exec(text);
  if (suffixed?.[1] && !/^(The|A|My|Our)$/.test(suffixed[1])) return suffixed[0].replace(/\.$/, '').trim();
  // The name after "invoice from" keeps its case: "Acme" is the company, "this week" is not.
  const doc = new RegExp(`\\b(?:${ORG_DOCS})\\s+(?:e-?mails?\\s+)?from\\s+(?:the\\s+)?`, 'i').exec(text);
  if (doc) {
    const org = /^([A-Za-z][\w&.-]*(?:\s+[A-Z][\w&.-]*)?)/.exec(text.slice(doc.index + doc[0].length))?.[1];
    if (org && !/^(?:last|this|yesterday|today|my|our|me|him|her|them|earlier|before|week|month|[a-z]+day)$/i.test(org)) return org;
  }
  return undefined;
}

const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};

/** "fourth" → 4 (first to tenth). */
export function ordinalNumber(word: string): number | undefined {
  return ORDINAL_WORDS[word.toLowerCase()];
}

/** "the second email", "the 3rd one", "number two", "email 2". */
export function findOrdinal(text: string): number | undefined {
  const noun = String.raw`(?:one|ones|e-?mail|mail|message|thread|invite|invitation|event|meeting|item|result|note|post|conversation)`;
  const word = new RegExp(
    String.raw`\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))\s+(?:(?:new|unread|latest|recent|last)\s+)?${noun}\b`,
    'i',
  ).exec(text);
  if (word?.[1]) {
    const w = word[1].toLowerCase();
    return ORDINAL_WORDS[w] ?? Number(w.replace(/\D/g, ''));
  }
  const num = new RegExp(
    String.raw`\b(?:number|no\.?|#)\s*(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b|\b(?:e-?mail|message|thread|item|result)\s+(?:number\s+)?(\d{1,2}|one|two|three|four|five)\b(?!\s*(?:minutes?|hours?|days?|pm|am))`,
    'i',
  ).exec(text);
  const n = num?.[1] ?? num?.[2];
  if (n) return parseNumber(n);
  return undefined;
}

/** "that one", "it", "this email": the request points at something already on screen or said. */
export const REFERS_BACK =
  /\b(?:that|this|the) (?:one|e-?mail|message|thread|invite|invitation|event|meeting)\b|(?<!\b(?:about|regarding|re|with|of)\s)\b(?:it|that|them)\b\s*(?:[?.!]|$|to\b|for\b|until\b|till\b|by\b|back\b|on\b)|\bthe (?:first|second|third|fourth|fifth|last) one\b/i;
