import type { CalendarOperation } from './schema.js';

/**
 * What a calendar request does to an event, read from its verbs and particles alone: the same answer
 * whichever component (the rules or the learned fallback) chose the action, so "needs to be pushed back"
 * is a move and "take … off my calendar" a cancel even when only the fallback saw a calendar change.
 * Each class lists the ways people say one thing (any tense, active or passive, verb-particle pairs).
 */

const DAY = String.raw`(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today|tonight|next\s+\w+|the\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|o'?\s?clock)?|noon|midday)`;
const GAP = String.raw`(?:\s+[\w':-]+){0,4}?`;
/** "bring my thursday one to one with sam forward": the event's name can be long before the particle. */
const LONG_GAP = String.raw`(?:\s+[\w':-]+){0,8}?`;
const CALENDAR = String.raw`(?:my|the|our)\s+(?:calendar|diary|schedule|agenda)`;

const OPERATIONS: Array<[Exclude<CalendarOperation, 'create'>, RegExp]> = [
  [
    'decline',
    new RegExp(
      [
        String.raw`\b(?:decline|declined|declining|reject|turn down|say no to|^no to|rsvp no|rsvp with a no)\b`,
        String.raw`\bmark (?:me|myself) as (?:not attending|not going|declined|a no)\b`,
        String.raw`\b(?:can't|cannot|can not|won't|will not|can no longer|won't be able to|unable to|not able to) (?:make|attend|go to|come to)\b`,
        String.raw`\bnot (?:going to|gonna) (?:make|attend)\b`,
        String.raw`\b(?:don't|do not) think i(?:'ll| will)? (?:can|be able to) (?:make|attend)\b`,
        String.raw`\b(?:skip|bow out|pass on|sit (?:this|it) out)\b|\bgive (?:[\w'-]+ ){1,4}a miss\b`,
        // "…, say no" / "just say no": a no with nothing after it to be a message ("say no worries").
        String.raw`\bsay no\b(?!\s+(?:worries|problem|rush|need|thanks)\b)`,
      ].join('|'),
      'i',
    ),
  ],
  [
    'accept',
    new RegExp(
      [
        String.raw`\b(?:accept|accepted|accepting|(?:say )?yes to|sign me up for|put me down for|i'm in for|count me in for)\b`,
        String.raw`\brsvp(?!\s+no\b)(?: yes)?\b|\bmark (?:me|myself) as (?:attending|going|accepted|a yes)\b`,
        String.raw`\b(?:i'll|i will) (?:be there|attend|come|join)\b`,
        String.raw`\bconfirm (?:that )?(?:i'll|i will|i'm|i am) (?:attend|attending|come|coming|join|joining|be there)\b`,
        String.raw`\bsay yes\b(?!\s+to\s+(?:the|his|her|their|that)\s+(?:e-?mail|message|dm))`,
      ].join('|'),
      'i',
    ),
  ],
  [
    'cancel',
    new RegExp(
      [
        String.raw`\b(?:cancel\w*|call(?:ed|ing)? off|delete|deleted|remove|removed|scrap|scrapped|scratch|drop|dropped|get rid of|kill|bin|ditch|nix|axe)\b`,
        String.raw`\bclear (?:my|the|out|everything|all|anything)\b|\bclear (?=(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today|tonight|this|next)\b)`,
        // "take tomorrow's standup off my calendar", "knock the 1:1 off": off the calendar, not time off.
        String.raw`\b(?:take|taken|took|get|got)\b${GAP}\s+off\s+(?:${CALENDAR}|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today)(?:'s)?(?:\s+(?:calendar|schedule|agenda))?)\b|\b(?:knock|strike|cross|wipe)\w*\b${GAP}\s+off\b`,
        // "…, it's not happening anymore": said of an event, it is off.
        String.raw`\b(?:it's|it is|that's|that is)\s+(?:not happening|off)\s+(?:any ?more|now)\b`,
      ].join('|'),
      'i',
    ),
  ],
  [
    'move',
    new RegExp(
      [
        String.raw`\b(?:move[ds]?|moving|reschedul\w*|re-schedul\w*|push(?:ed|es|ing)?|(?<!\b(?:my|the|a|an|our|your|his|her|their|night|day|morning|evening|late|early|next|first)\s)shift(?:ed|s|ing)?|bump(?:ed|s|ing)?|postpon\w*|delay(?:ed|s|ing)?|rebook\w*|slid(?:e|es|ing)|shunt\w*|nudg(?:e|es|ed|ing)|budg(?:e|es|ed|ing)|drag(?:ged|ging)?|rearrang\w*|swap\w*|prepon\w*)\b(?<!\bshift(?=\s+(?:handovers?|changes?|swaps?|patterns?|rotas?|work|cover|leads?|times?)\b))`,
        String.raw`\b(?:pull|pulled|pulling)\b${GAP}\s+(?:forward|earlier|in)\b|\b(?:bring|brought|bringing)\b${LONG_GAP}\s+(?:forward|earlier)\b`,
        // "the meeting with dana, put it on next week": an event already named, put at another time.
        String.raw`\bput (?:it|that|this|them) (?:on|to|for|into?) (?!(?:my|the|our) (?:calendar|diary|schedule|agenda)\b)(?:next|another|a different|${DAY})\b`,
        // "make it 4" moves it; "make it an hour and a half" only lengthens it.
        String.raw`\bchange (?:the )?time\b|\bmake it\b(?!\s+(?:(?:an?|one|two|three|half|\d+)[\s-]+(?:(?:and a half|half)\s+)?(?:hours?|hrs?|minutes?|mins?)|longer|shorter|\d+\s*(?:minutes?|mins?|hours?|hrs?))\b)|\bchange it to\b|\bswitch (?:it )?to\b`,
        String.raw`\bchange (?:[\w'-]+ ){1,4}?to (?=\d|noon|midday|tomorrow|today|next|the \d|monday|tuesday|wednesday|thursday|friday|saturday|sunday)`,
        String.raw`\bput off\b|\bput (?:[\w'-]+ ){1,4}off (?:until|till|to)\b|\bput (?:[\w'-]+ ){1,3}back\b|\bmake (?:[\w'-]+ ){1,3}(?:later|earlier)\b`,
        String.raw`\b(?:needs?|has|have|ought) to (?:go|be|happen|shift|change) (?:to|on|until)\b`,
        // "the 2pm needs to happen later", "… half an hour earlier": the same event at another time.
        String.raw`\b(?:needs?|has|have|wants?|ought) to (?:be|go|happen|start)${GAP}\s+(?:later|earlier)\b`,
        String.raw`\b(?:half an hour|an hour|\d+ (?:min\w*|hours?)|a bit|a little|a few minutes) (?:later|earlier)\b`,
        // "can we do the review on thursday instead": the same event at another time.
        String.raw`\b(?:on|at|to|for|until|till)\s+${DAY}(?:\s+at\s+${DAY})?\s+instead\b`,
      ].join('|'),
      'i',
    ),
  ],
];

/** A change to an existing event, if the words say one (a new event otherwise). */
export function calendarOperation(text: string): Exclude<CalendarOperation, 'create'> | undefined {
  for (const [op, re] of OPERATIONS) if (re.test(text)) return op;
  return undefined;
}
