import { ordinalNumber } from './features.js';
import { parseNumber } from './when.js';

/**
 * Spoken-request clean-up shared by the offline parser and the slot filler: hesitations, wake words
 * and politeness carry no meaning, so they are removed before any keyword is looked at.
 */

/** Hesitations anywhere in the utterance ("um", "uh", "erm"); STT keeps them verbatim. */
const HESITATION = /(^|[\s,])(?:u+m+|u+h+|e+r+m*|h+m+|a+h+)(?=[\s,.!?]|$)[,.]?/gi;

/** Lead-ins that only open the request, removed repeatedly ("hey vouch, okay so, could you please …"). */
const LEADS: RegExp[] = [
  /^(?:(?:hey|hi|hello|ok|okay|yo)\s+)?vouch\b[,!.:]?\s*/i,
  /^(?:so|ok|okay|alright|all right|right|well|yeah|yes(?!\s+to\b)|yep|yup|sure|fine|hey|hi|hello|oh|actually|roughly|approximately|basically|honestly|quick question|quick one|one quick thing|quickly|real quick|one more thing|sorry|now|great|cool|thanks|hmm|wait|hold on|hang on|oops|nah|no(?!\s+to\b)|um|uh|ugh|eh|meh|argh)\b(?:\s*[—–]\s*|\s+-\s+|[,.!:]?\s+)/i,
  /^(?:would|do) you mind\s+/i,
  /^(?:do one thing|one thing)[,:]?\s+|^i (?:want|would like|'d like) that you\s+/i,
  // "would it be possible to see my week", "is there any way to set up…", "I wonder if you could book…".
  /^(?:would|will|is) it be possible (?:for you )?to\s+|^(?:is it possible (?:for you )?to|is there (?:any|a) way (?:you could|to|for you to))\s+/i,
  /^i (?:wonder|was wondering|am wondering|'m wondering|wondered) (?:if|whether) you(?:'d| would| could| can| might)(?: be able to)?\s+/i,
  /^(?:it (?:would|'d) be (?:great|good|nice|lovely|helpful|brilliant|amazing) if|i(?:'d| would) be grateful if|i(?:'d| would) appreciate it if) you (?:could|can|would)\s+/i,
  /^(?:maybe |perhaps )?i (?:should|ought to|might)(?: probably| just)?\s+(?=(?:email|send|reply|write|message|tell|book|schedule|set up|move|cancel|decline|accept|post|dm|ping|text|forward)\b)/i,
  /^(?:(?:is there )?any chance|do you think|is it possible that|think) you (?=can|could|would|might)(?:can|could|would|might)\s+/i,
  /^(?:(?:can|could|would|will)\s+you\s+(?:please\s+|kindly\s+|maybe\s+|just\s+|possibly\s+)?|please\s+|kindly\s+|just\s+|possibly\s+)/i,
  /^(?:can|could|shall|should) we\s+(?=(?:schedule|set up|book|meet|move|reschedule|push|cancel|find|put|add|get|do|have|grab)\b)/i,
  /^(?:i(?:\s+(?:need|want|would like|wanna|have)|\s*'d like|(?:\s*'d|\s+would)\s+love)\s+(?:you\s+)?to\s+(?!know\b)|(?:would|'d) love to\s+|i'd like you to\s+|i need you to\s+|go ahead and\s+|do me a favou?r and\s+|help me\s+(?:to\s+)?|i was wondering if you could\s+|let's\s+|let us\s+|try to\s+|i'm trying to\s+|remind me to\s+(?=(?:reply|respond|email|send|write|schedule|book|post|tell|message)\b))/i,
  /^(?:i(?:\s+(?:want|would like|need)|\s*'d like)\s+to\s+know\s+|(?:any idea|do you (?:happen to )?know|(?:can|could) you (?:work|figure|find) out|(?:work|figure) out)\s+(?=(?:what|when|who|whether|if|how|which|where)\b)|i\s+wonder\s+(?!(?:if|whether) you\b)|i'm\s+wondering\s+(?!(?:if|whether) you\b)|(?:tell|remind) me\s+(?=(?:what|when|who|whether|if|how|which|where)\b)|let me know\s+(?=(?:what|when|who|whether|if|how|which|where)\b))/i,
];

/** Trailing courtesy ("…, please", "…for me?", "thanks"), keeping a final question mark. */
const TAILS =
  /(?:[,\s]+(?:please|real quick|quickly|if you can|if you could|when you get a chance|when you have a moment|if you(?:'d| would) be so kind|if you don't mind|if it's not too much trouble|vouch)|[,.!]\s*(?:thanks|thank you))+\s*([?!.]*)\s*$/i;

const DAY_SHORT: Record<string, string> = {
  mon: 'monday',
  tue: 'tuesday',
  tues: 'tuesday',
  wed: 'wednesday',
  thu: 'thursday',
  thur: 'thursday',
  thurs: 'thursday',
  fri: 'friday',
  sat: 'saturday',
  sun: 'sunday',
};

const GERUNDS: Record<string, string> = {
  booking: 'book',
  scheduling: 'schedule',
  setting: 'set',
  sending: 'send',
  checking: 'check',
  moving: 'move',
  cancelling: 'cancel',
  canceling: 'cancel',
  replying: 'reply',
  emailing: 'email',
  posting: 'post',
  forwarding: 'forward',
  declining: 'decline',
  accepting: 'accept',
  drafting: 'draft',
  reading: 'read',
  finding: 'find',
  telling: 'tell',
  summarizing: 'summarize',
  summarising: 'summarise',
  rescheduling: 'reschedule',
  searching: 'search',
  messaging: 'message',
  pinging: 'ping',
  adding: 'add',
  putting: 'put',
  creating: 'create',
  making: 'make',
  writing: 'write',
  pushing: 'push',
  blocking: 'block',
  sharing: 'share',
  looking: 'look',
  showing: 'show',
  getting: 'get',
  letting: 'let',
};

export interface CleanText {
  /** The request without fillers, politeness or wake words. */
  text: string;
  /** It opened like a continuation ("and tomorrow?", "what about Friday"). */
  continuation: boolean;
}

/** Only hesitations and the wake word go: what remains is content ("No, Thursday doesn't work"). */
export function stripHesitations(input: string): string {
  return input
    .replace(/[’]/g, "'")
    .replace(HESITATION, '$1')
    .replace(/^\s*(?:(?:hey|hi|ok|okay)\s+)?vouch\b[,!.:]?\s*/i, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,.]+/, '')
    .trim();
}

export function cleanUtterance(input: string): CleanText {
  let t = input.replace(/[’]/g, "'").replace(/\s+/g, ' ').trim();
  t = t
    .replace(HESITATION, '$1')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,.—–-]+/, '')
    .trim();
  // Typed shorthand ("meeting w/ jordan fri 2pm").
  t = t.replace(/\bw\/\s*/gi, 'with ').replace(/\b(?:b\/c|bc)\b/gi, 'because');
  t = t
    .replace(/\b(?:tmrw?|tmw|2moro|tomoz)\b/gi, 'tomorrow')
    .replace(/\b(?:tonite)\b/gi, 'tonight')
    .replace(/\bo ?clock\b/gi, "o'clock")
    // Times and dates in words, as speech-to-text writes them ("three o'clock", "four thirty", "the twenty fourth").
    .replace(/\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?=\s+o'clock\b)/gi, (w) => String(parseNumber(w)))
    .replace(
      /\b(?<=(?:at|to|by|from|until|till|for|around|about)\s)(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-](fifteen|thirty|forty[\s-]five)\b/gi,
      (_m, h: string, m: string) => `${parseNumber(h)}:${parseNumber(m.replace(/[\s-]/, ' '))}`,
    )
    .replace(
      /\bthe\s+(twenty|thirty)[\s-](first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b/gi,
      (_m, tens: string, unit: string) => {
        const n = (tens.toLowerCase() === 'twenty' ? 20 : 30) + (ordinalNumber(unit) ?? 0);
        return `the ${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;
      },
    )
    .replace(/\bmsgs\b/gi, 'messages')
    .replace(/\bmsg\b/gi, 'message')
    .replace(/\bmtgs\b/gi, 'meetings')
    .replace(/\bmtg\b/gi, 'meeting')
    .replace(/\b(?:pls|plz)\b/gi, 'please')
    // Typed day and week shorthand ("thurs am", "fri aft", "this wk", "on cal", "mv my 1:1").
    .replace(/\b(?:tues?|thu|thur|thurs|fri)\b\.?/gi, (d) => DAY_SHORT[d.replace('.', '').toLowerCase()] ?? d)
    .replace(/\b(mon|wed|sat|sun)\b(?=\s+(?:am|pm|aft|morning|afternoon|evening|night|at|\d))/gi, (d) => DAY_SHORT[d.toLowerCase()] ?? d)
    .replace(/\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today) am\b/gi, '$1 morning')
    .replace(/\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today) aft\b/gi, '$1 afternoon')
    .replace(/\bwk\b/gi, 'week')
    .replace(/\b(?:on|in|to|my|the|check) cal\b/gi, (m) => `${m.slice(0, -3)}calendar`)
    .replace(/\bcal (?=n |and |&)/gi, 'calendar ')
    .replace(/(?<=\w) (?:n|&) (?=\w)/g, ' and ')
    .replace(/\bppl\b/gi, 'people')
    .replace(/\bthru\b/gi, 'through')
    // Text-speak and hedges ("can u", "find like an hour", "i kinda need").
    .replace(/\bu\b(?!\.)/gi, 'you')
    .replace(/\bur\b/gi, 'your')
    .replace(/\b(?:kinda|sorta)\s+/gi, '')
    // Not the verb: "I'd like 30 minutes with Priya" keeps its "like".
    .replace(
      /(?<!(?:'d|\bwould|\bi|\bwe|\byou|\bthey|\bto|\bshould)\s)\blike\s+(?=(?:an?|half|one|two|three|\d+)\s*(?:hour|hr|min|minute)s?\b|\d)/gi,
      '',
    )
    // "post lunch" (Indian English): after it.
    .replace(/\bpost(?=\s+(?:lunch|noon|dinner|breakfast)\b)/gi, 'after')
    .replace(/(?<=\w) w (?=\w)/gi, ' with ')
    .replace(/\bmv\b(?=\s+\S)/gi, 'move')
    .replace(/\b(\d+)\s*hrs?\b/gi, (_, n: string) => `${n} ${n === '1' ? 'hour' : 'hours'}`)
    // "what'd I miss": in a question to an assistant the contraction is "did".
    .replace(/\b(what|where|how|who)'d\b(?=\s+(?:i|we|you|they|he|she|[a-z]+)\b)/gi, '$1 did')
    .replace(/\b(meeting|call|lunch|coffee|sync|chat|1:1|catch ?up) w (?=[a-z])/gi, '$1 with ');
  // "squeeze in 20 minutes with Maya" is a length, not "in 20 minutes from now".
  t = t.replace(/\b(squeeze|fit|slot|jam|lock)\s+in\s+(?=\d|an?\b|half|one|two|fifteen|twenty|thirty|forty)/gi, '$1 ');
  let continuation = false;
  for (let guard = 0; guard < 8; guard++) {
    const before = t;
    if (/^(?:and|also|then|plus)\b[,]?\s+/i.test(t)) {
      continuation = true;
      t = t.replace(/^(?:and|also|then|plus)\b[,]?\s+/i, '');
    }
    for (const re of LEADS) t = t.replace(re, '');
    t = t.replace(/^[\s,.;:—–-]+/, '');
    // "before I head out, what's still on …": the clause before the comma only sets the scene.
    t = t.replace(
      /^(?:before|after|once|since|while) (?:i|we)\b[^,]{1,40}?(?:,\s*(?=\w)|\s+(?=(?:what|what's|whats|when|who|is|are|am|do|does|did|any|anything|can|could)\b))/i,
      '',
    );
    // "I'm swamped, can you clear thursday": a remark before the request.
    t = t.replace(
      /^(?:i'm|i am|i've been|it's|this is|honestly|ugh|phew|wow|man)\b[^,?]{0,30}?(?:,\s*|\s+(?=(?:but|and|so)\s)|\s+(?=(?:can|could|would|will) you\b))(?:but\s+|and\s+|so\s+)?(?=(?:can|could|would|will) you\b|please\b|i wonder\b)/i,
      '',
    );
    t = t.trim();
    if (t === before) break;
  }
  if (/^(?:what about|how about)\b/i.test(t)) continuation = true;
  // "(would you mind) booking 45 minutes …": the command in its plain form.
  t = t.replace(/^\w+ing\b/i, (w) => GERUNDS[w.toLowerCase()] ?? w);
  // "make sure sam gets the agenda": a send to that person.
  t = t
    .replace(/^make sure\s+([a-z][\w'-]*)\s+(?:gets|has|receives|sees)\s+/i, 'send $1 ')
    .replace(/^make sure\s+([a-z][\w'-]*)\s+knows\s+/i, 'tell $1 ');
  // "check whether priya accepted the invite" asks whether; it does not invite.
  t = t.replace(/^(?:find out|see|check|i'm not sure|i am not sure|not sure)\s+(?:if|whether)\s+/i, 'whether ');
  // "let me see my week": asking to be shown.
  t = t.replace(/^let me (?:see|look at|have a look at|check)\s+(?!if\b|whether\b)/i, 'show ');
  // "look and see when I'm next seeing Priya": the question is what follows.
  t = t.replace(/^(?:look|check|have a look) and (?:see|check|find out)\s+(?=(?:if|whether|when|what|who|how|which|where)\b)/i, '');
  t = t.replace(TAILS, '$1').trim();
  return { text: t, continuation };
}
