import { z } from 'zod';
import { OTHER_SERVICES, type ToolLanguage, defineProviderContract } from '../providerContract.js';

/** The Google scopes Vouch asks for; each tool operation names exactly the ones it needs. */
export const GOOGLE_SCOPES = {
  gmailRead: 'https://www.googleapis.com/auth/gmail.readonly',
  gmailCompose: 'https://www.googleapis.com/auth/gmail.compose',
  gmailSend: 'https://www.googleapis.com/auth/gmail.send',
  calendarRead: 'https://www.googleapis.com/auth/calendar.readonly',
  calendarEvents: 'https://www.googleapis.com/auth/calendar.events',
} as const;

const emailAddress = z.string().trim().max(320).email();

export const EmailDraftFields = z.object({
  to: z.array(emailAddress).min(1).max(50),
  cc: z.array(emailAddress).max(50).default([]),
  subject: z.string().max(998),
  body: z.string().max(100_000),
  thread_id: z.string().max(256).optional(),
  in_reply_to: z.string().max(998).optional(),
  /**
   * Set by Vouch, shown under the draft (the kind's `note`), never sent: the recipient is not who the
   * person may think (a Reply-To diverting the answer, an address known only from inbound mail).
   */
  warning: z.string().max(500).optional(),
});
export type EmailDraftFields = z.infer<typeof EmailDraftFields>;

const rfc3339 = z.string().datetime({ offset: true });

export const EventDraftFields = z
  .object({
    title: z.string().min(1).max(1024),
    start: rfc3339,
    end: rfc3339,
    timezone: z.string().min(1).max(64),
    attendees: z.array(emailAddress).max(100).default([]),
    description: z.string().max(8192).optional(),
    event_id: z.string().max(1024).optional(),
  })
  .refine((e) => Date.parse(e.end) > Date.parse(e.start), { message: 'end must be after start', path: ['end'] });
export type EventDraftFields = z.infer<typeof EventDraftFields>;

/** Moving an event: its new start and end (the title is shown so the person sees which event). */
export const EventMoveFields = z
  .object({
    event_id: z.string().min(1).max(1024),
    title: z.string().min(1).max(1024),
    start: rfc3339,
    end: rfc3339,
    timezone: z.string().min(1).max(64),
  })
  .refine((e) => Date.parse(e.end) > Date.parse(e.start), { message: 'end must be after start', path: ['end'] });
export type EventMoveFields = z.infer<typeof EventMoveFields>;

/** Cancelling an event the person organises: Google deletes it and tells the guests. */
export const EventCancelFields = z.object({
  event_id: z.string().min(1).max(1024),
  title: z.string().min(1).max(1024),
  start: rfc3339.optional(),
  attendees: z.array(emailAddress).max(100).default([]),
});
export type EventCancelFields = z.infer<typeof EventCancelFields>;

/** Answering an invite: the person's own responseStatus, with an optional note to the organizer. */
export const EventResponseFields = z.object({
  event_id: z.string().min(1).max(1024),
  title: z.string().min(1).max(1024),
  response: z.enum(['accepted', 'declined', 'tentative']),
  organizer: emailAddress.optional(),
  comment: z.string().max(1000).optional(),
});
export type EventResponseFields = z.infer<typeof EventResponseFields>;

const ADDRESS_HINT = 'Separate addresses with commas';
const EMAIL_FIELDS = [
  {
    name: 'to',
    label: 'To',
    kind: 'addresses',
    hint: ADDRESS_HINT,
    messages: { empty: 'Add at least one recipient.', invalid: 'Check the email addresses.' },
  },
  { name: 'cc', label: 'Cc', kind: 'addresses', messages: { invalid: 'Check the email addresses.' } },
  { name: 'subject', label: 'Subject', kind: 'text', messages: { invalid: 'The subject is too long.' } },
  { name: 'body', label: 'Message', kind: 'textarea', messages: { invalid: 'This text is too long.' } },
] as const;

/**
 * How people ask for Gmail and Google Calendar, for the offline intent engine (plain data, listed in
 * the contract). Calendar words include the ways people ask about their time without saying
 * "calendar" ("what do I have", "how's Thursday looking", "find 30 minutes with …").
 */
const GOOGLE_LANGUAGE = {
  gmail: {
    kind: 'mail',
    names: ['gmail'],
    words: [
      String.raw`\be-?mails?\b`,
      String.raw`\be-?mail(?:ed|ing)\b`,
      String.raw`\bmail\b`,
      String.raw`\bmails\b`,
      String.raw`\bmailed\b`,
      String.raw`\binbox\b`,
      String.raw`\bnewsletters?\b`,
      String.raw`\bdrafts?\b(?=.*\b(?:e-?mail|gmail|reply|respond|forward|to [A-Za-z]))`,
      String.raw`\bforward(ed)?\b`,
      String.raw`\bfwd\b`,
      String.raw`\b(?:my|the) drafts(?: folder)?\b`,
      String.raw`\binvoices?\b`,
      String.raw`\breceipts?\b`,
      String.raw`\battachments?\b`,
      String.raw`\bsubject line\b`,
    ],
    /** Mail unless another service was named ("reply on chat to Sam", "unread messages in #general"). */
    weakWords: [
      String.raw`\bthreads?\b`,
      String.raw`\bunread\b`,
      String.raw`\banswer\b`,
      String.raw`\brepl(y|ies|ied)\b`,
      String.raw`\brespond(ed)?\b`,
      String.raw`\bwrite back\b`,
      String.raw`\bwrite (?:her|him|them|[a-z][\w'-]*) back\b`,
      String.raw`\bwrote back\b`,
      String.raw`\brevert(?:ed)? (?:to|on|back)\b`,
      String.raw`\bget back to\b`,
      String.raw`\bc[oa]me back to\b`,
      String.raw`\bgot back to\b(?!\s+back\b)`,
      String.raw`\banswered\b`,
    ],
  },
  calendar: {
    kind: 'calendar',
    names: ['google calendar'],
    words: [
      String.raw`\bcalendar\b`,
      String.raw`\bschedul(e|ed|ing)\b`,
      String.raw`\breschedul\w*`,
      String.raw`\bmeetings?\b`,
      String.raw`\bmeet\b`,
      String.raw`\bevents?\b`,
      String.raw`\bappointments?\b`,
      String.raw`\bfree\b`,
      // "when are jordan and maya both around": being around is being free.
      String.raw`\b(?:both|all) around\b`,
      String.raw`\bwhen (?:is|are|will) [\w' ]+ (?:be )?around\b`,
      String.raw`\bbusy\b`,
      String.raw`\bavailab(le|ility)\b`,
      String.raw`\bagenda\b`,
      String.raw`\bbook\b`,
      String.raw`\bset up\b`,
      String.raw`\binvites?\b`,
      String.raw`\binvitations?\b`,
      String.raw`\brsvp\b`,
      String.raw`\bcalls?\b`,
      String.raw`\b1:1s?\b`,
      String.raw`\bone on ones?\b`,
      String.raw`\bone-on-ones?\b`,
      String.raw`\bsync\b`,
      String.raw`\bmy day\b`,
      String.raw`\bmy week\b`,
      String.raw`\b(?:put|place) a hold\b`,
      String.raw`\bwhat time do i (?:finish|start|wrap up|get done)\b`,
      String.raw`\b(?:\d+|an?|half an?|one|two|fifteen|twenty|thirty|forty-five|sixty|ninety)[\s-]*(?:minutes?|mins?|hours?|hrs?)\s+(?:[\w-]+\s+)?(?:meeting|call|review|sync|chat|session|catch-?up|slot|block|1:1)\b`,
      String.raw`\b(?:a\s+)?half[\s-]+(?:an\s+)?hour\s+(?:with|for)\b`,
      String.raw`\b(?:get|put|pop|stick|book)\s+(?:something|some time|time)\s+in\b`,
      String.raw`\bwhat's (?:next|after (?:this|that))\b`,
      String.raw`\bwhere (?:do|should|must) i (?:need to |have to )?be\b`,
      String.raw`\b(?:am i|i'm) (?:late|running late) for\b`,
      String.raw`\b(?:coffee|drinks|breakfast|dinner)\b.*\bwith\s+[a-z]`,
      String.raw`\bcatch[- ]?up with\b`,
      String.raw`\b(?:sort out|work out|figure out|pick|suggest|propose) (?:a |some )?(?:time|slot|date)\b`,
      String.raw`\b(?:what's|whats|what is|anything) coming up\b`,
      String.raw`\bon my plate\b`,
      String.raw`\bdiary\b`,
      String.raw`\bclash(?:es|ing)?\b`,
      String.raw`\boverlap(?:s|ping)?\b`,
      String.raw`\bconflicts?\b`,
      String.raw`\b(?:today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|morning|afternoon|day)\s+look(?:s|ing)?\b`,
      String.raw`\bon (?:deck|tap)\b`,
      String.raw`\b(?:\d+|an?|half an|one|two|fifteen|twenty|thirty|forty-five|sixty|ninety)[\s-]*(?:minutes?|mins?|hours?|hrs?)\s+(?:with|for (?:me and|us|a|an|the))\b`,
      String.raw`\b(?:what's|whats|what is|anything) (?:going on|happening|planned|coming up|lined up)\b(?=.*\b(?:today|tomorrow|tonight|morning|afternoon|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend)\b)`,
      String.raw`\b(?:double[- ]|over)?booked\b`,
      String.raw`\bdo i have (anything|something)\b(?!\s+from\b)(?!.*\b(?:inbox|e-?mails?|mail|${OTHER_SERVICES})\b)`,
      String.raw`\b(?:i|we) (?:have|got) (?:anything|something|plans)\b(?!\s+from\b)(?!.*\b(?:inbox|e-?mails?|mail|${OTHER_SERVICES})\b)`,
      String.raw`\bwhat do i have\b`,
      String.raw`\bstand-?ups?\b`,
      String.raw`\blunch with\b`,
      String.raw`\bfind (a )?time\b`,
      String.raw`\bslot\b`,
      String.raw`\bblock (?:off |out )?(?:some |an? |the )?(?:time|hour|slot|afternoon|morning)\b`,
      String.raw`\bblock (?:off|out)\b`,
      String.raw`\bblocked (?:off|out)\b`,
      String.raw`\bfind (?:me |us )?(?:a |an |some )?(?:\d+|an?|half an?|one|fifteen|twenty|thirty|forty-five|sixty|ninety)[\s-]*(?:minutes?|mins?|hours?|hrs?)\b`,
      String.raw`\bwho(?:'s| is)? (?:else )?(?:going|coming|attending|invited)\b|^who else\b`,
      String.raw`\b(?:any|a|some|the)\s+(?:gaps?|openings?|open (?:time|slots?))\b`,
      String.raw`^block\b`,
      String.raw`\bpencil (?:\w+ )?in\b`,
      String.raw`\bmy \d{1,2}(:\d{2})?\s*(am|pm|a\.m\.|p\.m\.|o'?clock)(?!\s*(e-?mails?|messages?))`,
      String.raw`\bthe \d{1,2}(:\d{2})?\s*(am|pm|a\.m\.|p\.m\.)\s+(invite|meeting|call|one)\b`,
    ],
  },
} as const satisfies Record<'gmail' | 'calendar', ToolLanguage>;

export const googleContract = defineProviderContract({
  id: 'google',
  displayName: 'Google',
  services: 'Gmail and Google Calendar',
  examplePrompt: 'What’s on my calendar tomorrow?',
  defaultConnection: 'google-oauth2',
  consentHosts: ['accounts.google.com', 'myaccount.google.com'],
  connectBaseScopes: ['openid', 'profile', 'email'],
  tools: {
    gmail: { displayName: 'Gmail', writesTo: 'recipients' },
    calendar: { displayName: 'Google Calendar', spokenName: 'your calendar' },
  },
  scopes: [
    { scope: GOOGLE_SCOPES.gmailRead, tool: 'gmail', access: 'read', description: 'Read your email messages and threads' },
    { scope: GOOGLE_SCOPES.gmailCompose, tool: 'gmail', access: 'write', description: 'Create email drafts for you to review' },
    { scope: GOOGLE_SCOPES.gmailSend, tool: 'gmail', access: 'write', description: 'Send email as you, only after you confirm' },
    { scope: GOOGLE_SCOPES.calendarRead, tool: 'calendar', access: 'read', description: 'See your calendar events and when you are free' },
    {
      scope: GOOGLE_SCOPES.calendarEvents,
      tool: 'calendar',
      access: 'write',
      description: 'Create and change calendar events, only after you confirm',
    },
  ],
  // Google's method references list these broader scopes as accepted for the narrower operations.
  scopeImplications: {
    'https://mail.google.com/': [
      GOOGLE_SCOPES.gmailRead,
      GOOGLE_SCOPES.gmailCompose,
      GOOGLE_SCOPES.gmailSend,
      'https://www.googleapis.com/auth/gmail.modify',
      'https://www.googleapis.com/auth/gmail.metadata',
    ],
    'https://www.googleapis.com/auth/gmail.modify': [
      GOOGLE_SCOPES.gmailRead,
      GOOGLE_SCOPES.gmailCompose,
      GOOGLE_SCOPES.gmailSend,
      'https://www.googleapis.com/auth/gmail.metadata',
    ],
    [GOOGLE_SCOPES.gmailCompose]: [GOOGLE_SCOPES.gmailSend],
    [GOOGLE_SCOPES.gmailRead]: ['https://www.googleapis.com/auth/gmail.metadata'],
    'https://www.googleapis.com/auth/calendar': [
      GOOGLE_SCOPES.calendarRead,
      GOOGLE_SCOPES.calendarEvents,
      'https://www.googleapis.com/auth/calendar.events.readonly',
    ],
    [GOOGLE_SCOPES.calendarEvents]: ['https://www.googleapis.com/auth/calendar.events.readonly'],
    [GOOGLE_SCOPES.calendarRead]: ['https://www.googleapis.com/auth/calendar.events.readonly'],
  },
  scopeWords: {
    openid: 'Confirm who you are',
    email: 'See your email address',
    profile: 'See your name and profile picture',
    'https://www.googleapis.com/auth/userinfo.email': 'See your email address',
    'https://www.googleapis.com/auth/userinfo.profile': 'See your name and profile picture',
    'https://mail.google.com/': 'Read, send and delete all your email',
    'https://www.googleapis.com/auth/gmail.modify': 'Read, send and change your email',
    'https://www.googleapis.com/auth/calendar': 'See and change all your calendars',
  },
  drafts: {
    email: {
      tool: 'gmail',
      schema: EmailDraftFields,
      fields: EMAIL_FIELDS,
      note: '{warning}',
      title: 'Review the email',
      confirmLabel: 'Send',
      outcome: 'sent',
      outcomeLabel: 'Sent',
      noun: 'Email',
      plural: 'emails',
      scopes: [GOOGLE_SCOPES.gmailSend],
      audience: { recipients: ['to', 'cc'] },
      notSelf: ['cc'],
    },
    event: {
      tool: 'calendar',
      schema: EventDraftFields,
      fields: [
        { name: 'title', label: 'Title', kind: 'text', messages: { empty: 'Give the event a title.', invalid: 'The title is too long.' } },
        {
          name: 'start',
          label: 'Starts',
          kind: 'datetime',
          messages: { incomplete: 'Enter a valid start date and time.', invalid: 'Enter a valid start date and time.' },
        },
        {
          name: 'end',
          label: 'Ends',
          kind: 'datetime',
          messages: { incomplete: 'Enter a valid end date and time.', invalid: 'The end must be after the start.' },
        },
        { name: 'attendees', label: 'Guests', kind: 'addresses', hint: ADDRESS_HINT, messages: { invalid: 'Check the email addresses.' } },
        { name: 'description', label: 'Notes', kind: 'textarea', messages: { invalid: 'This text is too long.' } },
      ],
      note: 'Times are in {timezone}.',
      title: 'Review the event',
      confirmLabel: 'Create',
      outcome: 'created',
      outcomeLabel: 'Created',
      noun: 'Event',
      plural: 'calendar events',
      scopes: [GOOGLE_SCOPES.calendarEvents],
      audience: { recipients: ['attendees'] },
    },
    email_draft: {
      tool: 'gmail',
      schema: EmailDraftFields,
      fields: EMAIL_FIELDS,
      note: '{warning}',
      title: 'Review the Gmail draft',
      confirmLabel: 'Save draft',
      outcome: 'drafted',
      outcomeLabel: 'Saved in Gmail drafts',
      noun: 'Gmail draft',
      plural: 'Gmail drafts',
      scopes: [GOOGLE_SCOPES.gmailCompose],
      notSelf: ['cc'],
    },
    event_move: {
      tool: 'calendar',
      schema: EventMoveFields,
      fields: [
        { name: 'title', label: 'Event', kind: 'text', messages: { empty: 'Which event?', invalid: 'The title is too long.' } },
        {
          name: 'start',
          label: 'New start',
          kind: 'datetime',
          messages: { incomplete: 'Enter a valid start date and time.', invalid: 'Enter a valid start date and time.' },
        },
        {
          name: 'end',
          label: 'New end',
          kind: 'datetime',
          messages: { incomplete: 'Enter a valid end date and time.', invalid: 'The end must be after the start.' },
        },
      ],
      note: 'Times are in {timezone}. Guests are told about the new time.',
      title: 'Review the new time',
      confirmLabel: 'Move',
      outcome: 'moved',
      outcomeLabel: 'Moved',
      noun: 'Event change',
      plural: 'moved events',
      scopes: [GOOGLE_SCOPES.calendarEvents],
    },
    event_cancel: {
      tool: 'calendar',
      schema: EventCancelFields,
      fields: [{ name: 'title', label: 'Event', kind: 'text', messages: { empty: 'Which event?', invalid: 'The title is too long.' } }],
      note: 'Guests are told the event is cancelled.',
      title: 'Cancel this event?',
      confirmLabel: 'Cancel event',
      outcome: 'cancelled',
      outcomeLabel: 'Cancelled',
      noun: 'Cancellation',
      plural: 'cancelled events',
      scopes: [GOOGLE_SCOPES.calendarEvents],
    },
    event_response: {
      tool: 'calendar',
      schema: EventResponseFields,
      fields: [
        { name: 'title', label: 'Invitation', kind: 'text', messages: { empty: 'Which invitation?', invalid: 'The title is too long.' } },
        { name: 'comment', label: 'Note to the organizer', kind: 'textarea', messages: { invalid: 'The note is too long.' } },
      ],
      note: 'Your answer: {response}. The organizer is told.',
      title: 'Review your answer',
      confirmLabel: 'Send answer',
      outcome: 'answered',
      outcomeLabel: 'Answered',
      noun: 'Invitation answer',
      plural: 'answers to invitations',
      scopes: [GOOGLE_SCOPES.calendarEvents],
    },
  },
  help: {
    topics: ['email', 'calendar'],
    abilities: ['read and summarize your email', 'check your calendar'],
    drafts: ['replies', 'events'],
    examples: ['what’s on my calendar tomorrow', 'reply to Dana that Thursday works'],
  },
  // Google OAuth access tokens (ya29.) and refresh tokens (1//).
  secretPatterns: [
    { source: String.raw`\bya29\.[A-Za-z0-9_-]{10,}`, what: 'looks like a Google access token' },
    { source: String.raw`(^|[^A-Za-z0-9])1\/\/[A-Za-z0-9_-]{20,}`, what: 'looks like a Google refresh token' },
  ],
  intentVocabulary: GOOGLE_LANGUAGE,
});
