import type { Contact, Turn } from './schema.js';
import { type IntentLexicon, SHIPPED_LEXICON } from './vocabulary.js';

/**
 * Who a request is about: names said outright, names from the user's contacts, and "her/him/them"
 * resolved to the last person the conversation mentioned. Pure functions over strings.
 */

/** Capitalised words that are not people (sentence starts, days, channel words); the services' names come from the lexicon. */
const NOT_NAMES = new Set(
  (
    'i me my mine we us our you your he she her him his they them their it its the a an this that these those ' +
    'monday tuesday wednesday thursday friday saturday sunday today tomorrow tonight yesterday morning afternoon evening noon ' +
    'january february march april may june july august september october november december next last this week weekend ' +
    'calendar email e-mail mail inbox nda dm dms pdf hi hey hello please can could would will what whats when where who why how ' +
    'is are am do does did any all everyone team someone anyone channel general deals random thanks ok okay yes no not and or but ' +
    'reply respond send post schedule set book tell email message ping invite summarize summarise read show check find ' +
    'new latest recent unread meeting call sync chat back them up about on at in for from to with that so just also there here ' +
    'minutes minute hour hours half an one two three four five six seven eight nine ten'
  ).split(' '),
);

/**
 * Ordinary lower-case words that follow "to/with/from/email…" without being a name. A lower-case word
 * after such a lead is a name ("email jordan") unless it is here or in NOT_NAMES.
 */
const COMMON_WORDS = new Set(
  (
    'everyone everybody anybody somebody nobody people folks guys team teams group groups client clients customer customers ' +
    'boss manager managers legal finance hr sales marketing support accounting billing engineering ops security product design ' +
    'recruiting payroll procurement compliance leadership exec execs management board investors vendor vendors partner partners ' +
    'some each every no none both either neither myself yourself himself herself ourselves themselves whoever whom whose ' +
    'see do go get make take give know say ask check look find read show keep let put move push cancel decline accept forward ' +
    'save tell remind include copy mention confirm thank hold schedule book invite update fix approve sign pay ' +
    'grab catch chat sync hop jump meet hang grab work finish prepare prep plan organize organise celebrate ' +
    'happen be go start end begin take come leave stay wait talk speak discuss call ' +
    'be have use try start stop join attend review discuss talk chat catch sign share send write draft reply respond post ' +
    'thread threads message messages note notes invite invites event events invoice invoices contract contracts ' +
    'dm dms channel channels inbox mail email emails calendar conversation conversations chat chats cc bcc ' +
    'doc docs document documents file files deck slides report reports update updates agenda notes proposal quote order ' +
    'lunch dinner coffee breakfast drinks standup stand-up sync review interview demo call calls meeting meetings ' +
    'attachment attachments link links photo photos picture pictures image images pdf pdfs receipt receipts detail details ' +
    'question questions comment comments feedback changes edits numbers figures data results info information ' +
    'drafts draft sent spam trash archive work office home school everything anything something nothing more less ' +
    'him her them it this that these those there here what which who when where why how whether if then than ' +
    'as by of off out over under up down into onto upon about above after before between through during without within ' +
    'same other another last first second third next previous earlier later latest new old recent most least ' +
    'since until till ago yet already soon asap again too very really only even still please thanks thank sorry ' +
    'overnight lately recently earlier meanwhile anyway everywhere anywhere somewhere forth sometime someday anytime ' +
    'got gets getting gone went was were been being has had having done ' +
    'quick quickly right away asap directly personally privately instead either whatever whenever self ' +
    'a the an my our your his their its me us you we they i'
  ).split(' '),
);

interface LeadWords {
  /** Lead words after which a lower-case word may still be a name (STT often lower-cases names). */
  lower: RegExp;
  /** Every word that introduces a person, the chat service's name used as a verb among them. */
  all: string;
  /** The chat service's name alone. */
  chat: RegExp;
  /** Not a name: a service's name. */
  service: ReadonlySet<string>;
  /**
   * Places where one word, in any case, can only be a person: group 1 is the word. STT and typing
   * often lower-case names, and the pipeline has no contact list before it knows what was asked.
   */
  personCues: readonly RegExp[];
}

const WORD = String.raw`([A-Za-z][a-zA-Z-]+)`;
/** What people send and hold: "dana's invite", "send sam an invite", "what did jordan email". */
const SENT_THING = String.raw`(?:message|msg|dm|note|line|email|e-mail|mail|ping|text|reply|heads[- ]up|shout|invite|invitation|link|update|reminder)`;
const OWNED_THING = String.raw`(?:invite|invitation|email|e-mail|mail|message|meeting|1:1|one-on-one|call|reply|thread|dm|note|event|lunch|sync|standup|calendar)`;
const SAYING = String.raw`(?:email|e-mail|mail|message|dm|text|ping|send|sent|say|said|reply|replied|respond|responded|write|written|wrote|get|got|come|been|post|posted|mention|mentioned|talk|ask|asked|share|shared)`;

function personCues(chat: string): RegExp[] {
  return [
    // "send sam a quick <chat> message", "drop priya a line", "send dana the agenda": the person between verb and thing.
    String.raw`\b(?:send|shoot|drop|give|fire off|write)\s+${WORD}\s+(?:(?:a|an)\s+(?:(?:quick|short|brief|little)\s+)?(?:(?:${chat}|email|e-mail|text|direct|private)\s+)?(?:${SENT_THING}|${chat})|(?:the|my|our|those|these)\s+\w)`,
    // "dana's latest email", "turn down jordan's invite", "sam's 1:1".
    String.raw`\b${WORD}['’]s\s+(?:(?:last|latest|new|newest|recent|next|lunch|coffee|team|weekly|morning)\s+)?${OWNED_THING}s?\b`,
    // "check if priya replied", "whether sam ever got back to me", "I think dana replied", "Dana has written back".
    String.raw`\b(?:if|whether|think|when)\s+${WORD}\s+(?:(?:ever|has|had|already)\s+)?(?:replied|responded|wrote|written|emailed|messaged|answered|got back|gotten back|came back|come back|called|sent)\b`,
    String.raw`\b${WORD}\s+(?:has|had)\s+(?:written|replied|responded|emailed|messaged|gotten back|got back|come back)\b`,
    // "forward to priya the email…", "send it to sam": the to-phrase of a sending verb names a person.
    String.raw`\b(?:forward|send|reply|write|pass|show)(?:\s+(?:it|this|that|them|these|those))?\s+to\s+${WORD}\b`,
    // "an email to priya with the subject…", "a draft for sam about…".
    String.raw`\b(?:${SENT_THING}|draft|memo)\s+(?:to|for)\s+${WORD}\b`,
    // "did sam email me", "has priya sent…", "has dana been in touch", "did jordan ever send over…".
    String.raw`\b(?:did|has|have|had|does|will)\s+${WORD}\s+(?:(?:ever|already|just|actually|finally|yet)\s+)?${SAYING}\b`,
    // "what priya emailed me", "the last thing sam sent me", "what has jordan been saying".
    String.raw`\b(?:what|thing|things|stuff|everything|anything)\s+${WORD}\s+(?:(?:has|had)\s+)?(?:emailed|messaged|dmed|dm'd|texted|sent|said|wrote|posted|shared|mentioned|asked|been saying|been posting)\b`,
    // "let maya know".
    String.raw`\blet\s+${WORD}\s+know\b`,
    // "me and priya", "for me and sam".
    String.raw`\b(?:me|myself)\s+and\s+${WORD}\b`,
    // "dana and I meet", "jordan and me".
    String.raw`\b${WORD}\s+and\s+(?:I|me)\b`,
    // "when am I meeting priya", "when do I next see maya".
    String.raw`\b(?:am I|do I|I'm|will I)\s+(?:next\s+)?(?:seeing|see|meeting|meet)\s+${WORD}`,
    // "the thread where sam talks about…", "the email where dana mentions…".
    String.raw`\bwhere\s+${WORD}\s+(?:talks|mentions|says|asks|writes|explains)\b`,
  ].map((source) => new RegExp(source, 'dgi'));
}

const leadsByLexicon = new WeakMap<IntentLexicon, LeadWords>();
function leadWords(lex: IntentLexicon): LeadWords {
  let w = leadsByLexicon.get(lex);
  if (!w) {
    const C = lex.names('chat');
    w = {
      lower: new RegExp(
        String.raw`^(?:from|to|with|reply to|respond to|write to|get back to|answer|email|e-mail|mail|message|tell|ping|invite|cc|meet|call|dm|text|${C}|and)$`,
        'i',
      ),
      all: String.raw`(?:from|to|with|reply to|respond to|write to|get back to|answer|email|e-mail|mail|message|tell|ping|invite|cc|and|meet|call|for|by|dm|text|${C})`,
      chat: new RegExp(`^${C}$`, 'i'),
      service: lex.nameWords,
      personCues: personCues(C),
    };
    leadsByLexicon.set(lex, w);
  }
  return w;
}

/** "dana" → "Dana", "DANA" → "Dana"; "McKay" stays as said. */
function titleCase(s: string): string {
  return s
    .split(/\s+/)
    .map((w) => (w ? (w[0] ?? '').toUpperCase() + (w === w.toUpperCase() ? w.slice(1).toLowerCase() : w.slice(1)) : w))
    .join(' ');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "dana" in "dana@northwind.io" is an address, found separately. */
function insideAddress(text: string, index: number, length: number): boolean {
  const before = text.slice(0, index).split(/\s/).pop() ?? '';
  const after = text.slice(index + length).split(/\s/)[0] ?? '';
  return (before + after).includes('@');
}

interface Hit {
  name: string;
  index: number;
  end?: number;
}

/** People named in `text`, in the order said, deduplicated (case-insensitive). */
export function findPeople(text: string, contacts: Contact[] = [], lex: IntentLexicon = SHIPPED_LEXICON): string[] {
  const leads = leadWords(lex);
  const notName = (w: string) => NOT_NAMES.has(w) || leads.service.has(w);
  const hits: Hit[] = [];
  const covered: Array<[number, number]> = [];
  const isCovered = (i: number) => covered.some(([a, b]) => i >= a && i < b);

  // 1. Contacts, full name first so "Dana Whitfield" is one person, not "Dana" + a stray surname.
  for (const c of contacts) {
    const full = c.name.trim();
    const first = full.split(/\s+/)[0] ?? full;
    for (const candidate of full === first ? [full] : [full, first]) {
      const re = new RegExp(`\\b${escapeRe(candidate)}\\b`, 'gi');
      for (const m of text.matchAll(re)) {
        if (isCovered(m.index) || insideAddress(text, m.index, m[0].length)) continue;
        // The contact's own spelling: "JORDAN" and "jordan" are both Jordan.
        hits.push({ name: candidate, index: m.index, end: m.index + m[0].length });
        covered.push([m.index, m.index + m[0].length]);
      }
    }
  }

  // 2. A capitalised name after a word that introduces a person ("from Dana", "with Sam Patel").
  // The name is matched in a lookahead so "meet with sam" still tries "with" as the lead.
  const capRe = new RegExp(`\\b(${leads.all})\\s+(?=([A-Z][a-zA-Z'’-]+(?:\\s+[A-Z][a-zA-Z'’-]+)?))`, 'gi');
  for (const m of text.matchAll(capRe)) {
    const lead = (m[1] ?? '').replace(/\s+/g, ' ');
    const raw = m[2] ?? '';
    const start = (m.index ?? 0) + m[0].length;
    if (isCovered(start)) continue;
    const words = raw.split(/\s+/);
    const first = words[0] ?? '';
    const bare = first.toLowerCase().replace(/['’]s$/, '');
    if (notName(bare) || insideAddress(text, start, first.length)) continue;
    if (!/^[A-Z]/.test(first)) {
      // Lower case ("email jordan"): only after a lead that introduces a person, never a common word,
      // and "and" only right after another name ("with sam and priya").
      if (!leads.lower.test(lead) || COMMON_WORDS.has(bare) || bare.length < 2 || /(?:ing|ed|ly)$/.test(bare)) continue;
      // The chat service's name leading the request is the verb; after "on" it is the service.
      if (leads.chat.test(lead) && (m.index ?? 0) !== 0) continue;
      // "free to grab coffee", "going to meet the team": a verb after "to" takes an object; a name does not.
      const next =
        text
          .slice(start + first.length)
          .trim()
          .split(/\s+/)[0]
          ?.toLowerCase() ?? '';
      if (
        /^to$/i.test(lead) &&
        /^(?:a|an|the|with|some|up|out|my|your|his|her|their|our|it|me|us|them|this|that|coffee|lunch|dinner|breakfast|drinks)$/.test(next)
      )
        continue;
      if (/^and$/i.test(lead) && !hits.some((h) => h.end !== undefined && h.end <= (m.index ?? 0) && h.end >= (m.index ?? 0) - 2)) continue;
      // "a time to sit down", "to go through", "to touch base": a verb with its particle, not a name.
      if (/^to$/i.test(lead) && /^(?:down|through|together|base|out|up)$/.test(next)) continue;
    }
    let name = first.replace(/['’]s$/, '');
    const second = words[1];
    if (second && /^[A-Z]/.test(first) && /^[A-Z]/.test(second) && !notName(second.toLowerCase()) && !/['’]s$/.test(first))
      name += ` ${second}`;
    hits.push({ name: titleCase(name), index: start, end: start + name.length });
    covered.push([start, start + name.length]);
  }

  // 2b. A word, in any case, where only a person fits ("did sam email me", "dana's invite").
  for (const cue of leads.personCues) {
    for (const m of text.matchAll(cue)) {
      const word = m[1] ?? '';
      const start = m.indices?.[1]?.[0] ?? 0;
      const bare = word.toLowerCase();
      if (isCovered(start) || notName(bare) || COMMON_WORDS.has(bare) || bare.length < 2 || /(?:ing|ed|ly)$/.test(bare)) continue;
      if (insideAddress(text, start, word.length)) continue;
      hits.push({ name: titleCase(word), index: start, end: start + word.length });
      covered.push([start, start + word.length]);
    }
  }

  // 3. A capitalised name doing something people do ("Dana asked…", "Sam Patel sent…"), as the
  // assistant's own summaries phrase it; this is what "reply to her" usually points back to.
  const actorRe =
    /\b([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?)\s+(?:sent|said|asked|wrote|replied|posted|emailed|mentioned|wants|needs|shared|invited|suggested|proposed|confirmed)\b/g;
  for (const m of text.matchAll(actorRe)) {
    const raw = m[1] ?? '';
    const start = m.index ?? 0;
    if (isCovered(start)) continue;
    const words = raw.split(/\s+/).filter((w) => !notName(w.toLowerCase()));
    if (words.length === 0 || words[0] !== raw.split(/\s+/)[0]) continue;
    hits.push({ name: words.join(' '), index: start });
    covered.push([start, start + raw.length]);
  }

  hits.sort((a, b) => a.index - b.index);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const h of hits) {
    const key = h.name.toLowerCase();
    // "Dana" after "Dana Whitfield" is the same person.
    if (seen.has(key) || out.some((o) => o.toLowerCase().startsWith(`${key} `))) continue;
    seen.add(key);
    out.push(h.name);
  }
  return out;
}

/** A pronoun standing for a person ("reply to her", "email him", "meeting with them"). */
export function mentionsPersonPronoun(text: string, lex: IntentLexicon = SHIPPED_LEXICON): boolean {
  return new RegExp(`\\b${leadWords(lex).all}\\s+(her|him|them)\\b|\\b(she|he)\\b|\\b(her|his) (email|message|note|thread)\\b`, 'i').test(
    text,
  );
}

/** The last person the conversation mentioned, newest turn first, last name within that turn. */
export function lastMentionedPerson(
  history: Turn[],
  contacts: Contact[] = [],
  lex: IntentLexicon = SHIPPED_LEXICON,
  self?: string,
): string | undefined {
  // "Alex said…" in an answer read to Alex is Alex himself: "tell him" means someone else.
  const own = new Set(
    (self ?? '')
      .trim()
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .flatMap((w, i, all) => (i === 0 ? [w, all.join(' ')] : [])),
  );
  for (let i = history.length - 1; i >= 0; i--) {
    // Quoted words are what others wrote (a mail's "walk through…"), not whom the conversation is about.
    const people = findPeople((history[i]?.text ?? '').replace(/“[^”]*”|"[^"]*"/g, ' '), contacts, lex).filter(
      (p) => !own.has(p.toLowerCase()) && !own.has(p.toLowerCase().split(/\s+/)[0] ?? ''),
    );
    if (people.length > 0) return people[people.length - 1];
  }
  return undefined;
}

/** Every contact a spoken name could mean (case-insensitive), so the pipeline can ask "which Sam?". */
export function contactsMatching(name: string, contacts: Contact[] = []): Contact[] {
  const n = name.trim().toLowerCase();
  const full = contacts.filter((c) => c.name.trim().toLowerCase() === n);
  if (full.length > 0) return full;
  const first = n.split(/\s+/)[0];
  return contacts.filter((c) => (c.name.trim().split(/\s+/)[0] ?? '').toLowerCase() === first);
}

/** The contact a spoken name refers to: full name, then a unique first name. */
export function contactFor(name: string, contacts: Contact[] = []): Contact | undefined {
  const n = name.trim().toLowerCase();
  const full = contacts.find((c) => c.name.trim().toLowerCase() === n);
  if (full) return full;
  const byFirst = contacts.filter((c) => (c.name.trim().split(/\s+/)[0] ?? '').toLowerCase() === n.split(/\s+/)[0]);
  return byFirst.length === 1 ? byFirst[0] : undefined;
}

export function findEmails(text: string): string[] {
  return [...new Set(text.match(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g) ?? [])].map((e) => e.toLowerCase());
}
