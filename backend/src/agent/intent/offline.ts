import type { ProviderContract, Tool } from '../../protocol/common.js';
import { type IntentLexicon, SHIPPED_LEXICON, intentLexicon } from './vocabulary.js';
import { type FallbackModel, SHIPPED_FALLBACK, combineWithFallback } from './fallback.js';
import {
  EVENT_WORDS,
  FORWARD,
  withoutTimeForward,
  REFERS_BACK,
  REPLY_ALL,
  SAVE_AS_DRAFT,
  findOrdinal,
  findOrganization,
  mailAnalysis,
} from './features.js';
import { calendarOperation } from './operation.js';
import { contactFor, contactsMatching, findEmails, findPeople, lastMentionedPerson, mentionsPersonPronoun } from './people.js';
import {
  type AnalyzedIntent,
  type Contact,
  type Intent,
  type IntentAction,
  type IntentContext,
  type IntentEngine,
  type PendingOutcome,
  type Turn,
  WRITE_ACTIONS,
} from './schema.js';
import { fillPending, inferPending, negatedServices } from './slots.js';
import { cleanUtterance, stripHesitations } from './text.js';
import { parseNumber, resolveWhen } from './when.js';
import { type CivilDate, isValidTimeZone, toRfc3339, todayIn, zonedParts, zonedTimeToInstant } from '../../time/zonedTime.js';

/**
 * The embedded intent engine: a deterministic parser for the requests people actually make of a
 * mail/calendar/chat assistant. It is the default with no Gemini key and the fallback when Gemini
 * fails, so it must never throw: anything it cannot place becomes `action: 'unknown'`.
 */

type Parsed = Intent & { pending_outcome?: PendingOutcome };

/** The parser over one lexicon: the rules are per kind of service, the providers' own words come from `lex`. */
type OfflineParser = { parseIntent(text: string, ctx: IntentContext): Parsed; ruledOut(text: string): boolean };

function createOfflineParser(lex: IntentLexicon): OfflineParser {
  /** The chat and mail services' names, as regex groups. */
  const C = lex.names('chat');
  const M = lex.names('mail');

  const RE = {
    /** Names and words of a chat service (from the provider contracts), channel syntax, DMs, posting. */
    chat: lex.re.chat,
    calendar: lex.re.calendar,
    /** Words that can only mean mail. */
    mail: lex.re.mail,
    /** Words that mean mail unless a chat service was named ("reply on <chat> to Sam"). */
    mailWeak: lex.re.mailWeak,
    message: /\bmessag(?:es?|ed)\b|\bping\b|\btext\b/i,
  };

  /**
   * Occasions that only say when or why ("while I was in the meeting", "been in calls all day") and the
   * on-call duty: none is a calendar request.
   */
  const EVENT_AS_TIME =
    /\b(?:while|when)\s+(?:i\s+was|i'm|i\s+am|we\s+were)\s+(?:in|at|on)\s+(?:the|a|my|our)\s+[\w-]+|\b(?:during|since)\s+(?:the|my|our)\s+[\w-]+|\b(?:been|stuck|tied up|was|were)\s+(?:\w+\s+)?(?:in|on)\s+(?:calls|meetings|interviews|back[- ]to[- ]backs?)\b|\bon[- ]call\b(?!\s+(?:with|at|about)\b)/gi;
  /** "before the board call", "after my 1:1": when, said by an occasion. */
  const BEFORE_OCCASION =
    /\b(?:before|after|ahead of)\s+(?:the|my|our|this|today's|tomorrow's)\s+(?:[\w-]+\s+){0,2}?(?:call|meeting|standup|stand-up|sync|review|interview|session|demo|offsite|presentation|1:1|one[- ]on[- ]one)s?\b/gi;
  /** "how do you spell rescheduled": a question about a word, whatever the word. */
  const SPELLING = /^how (?:do|would|should) (?:you|i|we) (?:spell|say|pronounce|write)\b/i;
  /** Devices' own features ("set a timer for 20 minutes for the pasta"): nothing Vouch books. */
  const DEVICE_COMMAND =
    /^(?:set|start|stop|cancel|snooze)\s+(?:a|an|the|my)\s+(?:[\w-]+\s+){0,2}?(?:timers?|alarms?|stopwatch|countdown)\b/i;

  /** Arranging something: with a time or a person it is a calendar event ("tee up a call with maya"). */
  const SCHEDULE_VERB =
    /^(?:organi[sz]e|arrange|plan|set (?:\w+ )?up|book|host|hold|put together|line up|sort out|throw|get together|tee up|fix up|make time|nab|lock|pencil|reserve|set aside|carve out|block (?:out|off)|have (?:a|an)|sort)\b/i;
  /** Telling a person something ("follow up with dana", "give sam a heads up", "fill jordan in"): a note to them. */
  const INFORM = String.raw`follow up with|give(?=\s+[\w']+\s+a\s+heads[- ]?up\b)|loop(?=\s+[\w']+\s+in\b)|fill(?=\s+(?!me\b)[\w']+\s+in\b)|update(?=\s+(?!me\b)[\w']+\s+(?:on|about)\b)|keep(?=\s+(?!me\b)[\w']+\s+(?:posted|updated|in the loop)\b)|brief(?=\s+(?!me\b)[\w']+\s+on\b)`;
  const INFORM_LEAD = new RegExp(String.raw`^(?:${INFORM})`, 'i');

  /** The user's own answer to invitations ("invites I haven't responded to"), not someone's reply. */
  const RSVP_OWN =
    /\b(?:i|i've|i have|i haven't|i still)\s+(?:not\s+|yet to\s+|still\s+)?(?:responded|replied|answered|respond|reply|answer)\b|\b(?:unanswered|pending|outstanding|open)\s+invit|\bnot (?:yet )?(?:responded|replied|answered) to\b/i;

  /** Questions Vouch cannot answer from mail, calendar or chat, so a time word does not make them calendar reads. */
  const OUT_OF_SCOPE =
    /\bwhat time is it\b|\bwhat's the (?:time|date)\b|\bwhat day is (?:it|today)\b|\bis it (?:only|already|still|really) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend)\b|\bsun (?:set|rise)s?\b|\bhow do (?:you|i) (?:spell|say|pronounce)\b|\bspell(?:ing)?\b|\b(?:weather|rain|snow|temperature|forecast|news|score|game|match|stocks?|price of|traffic|time in|timer|alarm|sunset|sunrise|capital|population|recipe|joke|song|music|movie)\b/i;
  const TIME_WORDS =
    /\b(?:today|tomorrow|tonight|yesterday|morning|afternoon|evening|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|this week|next week|(?:in )?the next (?:hour|\d+ (?:minutes|hours))|in an hour|first thing|end of (?:the )?day|at \d{1,2}|\d{1,2}(?::\d{2})?\s*(?:am|pm)|noon|the \d{1,2}(?:st|nd|rd|th)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2})\b/i;

  const QUESTION_LEAD =
    /^(what|whats|what's|when|who|whom|which|where|how|any|anything|got(?=\s+(?:anything|much|something|any)\b)|is|are|am|do(?!\s+(?:a\s+)?(?:coffee|lunch|dinner|drinks|breakfast|a call)\b)|does|did|was|were|has|have(?!\s+(?:a|an)\s)|had|show|list|read|check|find(?! (?:a |some )?(?:time|slot|\d+|an? hour|half an? hour|one|fifteen|twenty|thirty|forty-five)\b)|open|look|search|give me|get me|tell me|fetch|pull up|go through|see|whether|if)\b/i;
  const SEND_LEAD = new RegExp(
    String.raw`^(write(?=\s+[\w']+\s+(?:an?|the)\s+(?:quick\s+|short\s+)?(?:e-?mail|note|message|line)\b)|e-?mail(?!s?\s+from\b)|mail(?!\s+from\b)|send|tell|let(?! me know)|ask(?!\s+(?:for|about|me|if|whether|what|when|how|who)\b)|message|ping|dm|text|forward|fwd|write to|shoot|drop|fire off|dash off|knock out|(?:throw|stick|pop|put|leave|chuck)(?=\s+(?:a|an)\s+(?:quick\s+|short\s+)?(?:message|note|post|line|comment)\b)|remind|intimate(?=\s+(?:everyone|everybody|all|the|#|[a-z]+\s+(?:that|about)))|${INFORM}|${C}\s+(?:dm|message)\s+to|${C}(?=\s+\w)(?!\s+(?:channels?|messages?|dms?|for|search|threads?)\b))\b(?!\s+me\b)`,
    'i',
  );
  /** Requests that start with a command stay commands even when said with a question mark. */
  const COMMAND_LEAD =
    /^(?:(?:reply|respond|write|draft|compose|post|announce|share|e-?mail|mail|send|tell|let|message|ping|dm|text|forward|remind|summari[sz]e)\b(?!\s+me\b)|(?:schedule|reschedule|set|book|block|pencil|arrange|organi[sz]e|plan|host|make|put|add|create|invite|move|cancel|decline|accept|push|postpone|save|meet|get|grab)\b)/i;
  const SEND_ANYWHERE = new RegExp(String.raw`\bsend (?:an? |the )?(?:quick )?(?:e-?mail|message|note|${C}|dm)\b`, 'i');

  const ACTION_RE = {
    summarize:
      /\bwhat(?:'s| is| was) (?:the|that|this|her|his|their|[a-z]+'s) (?:\w+ )?(?:e-?mail|message|thread|note)\b.*\babout\s*[?.]?$|\b(summari[sz]e|summary|recap|catch me up|upshot|bottom line|takeaways?|short version|quick version|cliff'?s? notes|in a nutshell|up to speed|up to date|fill me in|catch up on|^catch up\b(?!\s+with\b)|brief me|tl;?dr|digest|what did i miss|what have i missed|what i(?:'ve)? missed|(?<!\b(?:to|can|could|will|we'll|i'll|and|then)\s)go over|run me through|walk me through|rundown|gist|(?:what's|whats|what is) the (?:story|deal|situation) (?:with|on|behind)|sum up|boil (it |this |that )?down|key points|main points|highlights|overview)\b/i,
    reply:
      /\b(reply|respond|write back|get back to|revert (?:to|on|back))\b|^answer\b|\b(?:e-?mail|write)\s+(?:her|him|them|[a-z][\w'-]*)\s+back\b/i,
    schedule:
      /^meet\b|^block\b|\b(?:put|place) a hold on\b|^(?:lock|nail down|carve out|set aside|reserve|tee up|fix up|make time|nab)\b|\b(?:need|want|'d like|would like)\s+(?:\d+|an?|half an?|some|fifteen|twenty|thirty|forty-five)[\s-]*(?:minutes?|mins?|hours?|time)\s+with\b|^(?:squeeze|fit|slot|jam)\b|^(?:pop|stick|put|slot|get|throw)\b.*\b(?:in|into|on)\s+(?:for\s+)?(?:today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next|this|the \d)|\b(?:get|put|pop|stick|book)\s+(?:something|some time|time)\s+in\b|\b(?:need|want|'d like|would like)\s+(?:a\s+)?half[\s-]+(?:an\s+)?hour\s+with\b|^(?:add|create|make|put|new)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}(?:event|meeting|appointment|entry|hold)\b|\bfind (?:me |us )?(?:a |an |some )?(?:free )?(?:slot|window|gap)\b|^(?:get|put)\s+(?:me and [a-z]+|[a-z]+ and me|us|them|everyone|the team)\s+(?:in a room|together)\b|^(?:do|have)\s+(?:a\s+)?(?:coffee|lunch|dinner|drinks|breakfast|call|catch[- ]?up|1:1)\b|^(?:have|hold|run)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:meeting|call|session|chat|sync|catch[- ]?up|1:1|review|workshop|lunch|dinner|coffee)\b|\b(?:sort out|work out|figure out|pick|suggest|propose) (?:a |some )?(?:time|slot|date)\b|^(?:an? |the )?(?:meeting|call|lunch|coffee|1:1|sync|catch[- ]?up|dinner)\s+with\b(?=.*(?:\b\d|\b(?:noon|today|tomorrow|tonight|mon|tue|wed|thu|fri|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next)\b))|^(?:organi[sz]e|arrange|plan|host|hold|put together|line up|throw)\b|\bset (?:something|it|this|that|one|them) up\b|^make (?:a|an|some) (?:\w+ )?(?:meeting|call|event|appointment|sync|1:1|reunion)\b|\bfind (?:a |some )?(?:\d+|an?|half(?: an?)?|one|fifteen|twenty|thirty|forty-five)[\s-]*(?:minutes?|mins?|hours?)\b|^(?:get|grab|set|organi[sz]e|plan|hold|sort)\b(?!\s+(?:me\s+)?(?:the|my)\b)|\b(?:need|want|'d like|would like)\s+(?:a|an|to have an?|some time|time)\s+(?:\w+\s+)?(?:meeting|call|sync|1:1|catch-?up|chat|session)\b|\bblock (?:off|out|some|an?|the|time)\b|\b(?:need|want|'d like|would like|have|get)\s+(?:[\w'-]+\s+){1,3}?blocked (?:off|out)\b|\bpencil (?:\w+ )?in\b|\b((?<!(?:\b(?:my|the|our|your|his|her|their|this|that|full|busy|whole|today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|day)|'s)\s)schedule|set up|book|arrange|find (a )?time|(?:put|get|add|stick|throw|pop) .* (?:on|to|in|into) (?:(?:my|the|our) )?(?:calendar|diary|schedule|agenda)|^i\s+(?:need|want)\b.*\b(?:on|in) (?:my|the) (?:calendar|diary)\b|^add\b(?=.*\b(?:(?:on|at|for|this|next)\s+(?:today|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next|the \d|\d|noon|half|quarter)|today|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)|create (an? )?(event|meeting)|invite)\b/i,
    draft:
      /\b((?<!\b(?:the|my|this|that|your|our|first|latest)\s)draft(?!\s+(?:link|doc|version|copy|folder|file|deck|is|was)\b)|compose|write (an? )?(e-?mail|note|message)|start (?:an? )?(?:e-?mail|note|message)|(?:prepare|prep|put together|get ready) (?:an? |the )?(?:quick |short )?(?:e-?mail|note|message|reply|response))\b/i,
    post: /\b(post|announce|share (it |this |that )?(in|on|to))\b|^(?:share|drop|paste|put up)\b|^start (?:a |an )?(?:new )?(?:thread|conversation|discussion)\b/i,
  };

  // Said last, with or without a pause before it ("…, accept it", "… accept it"), but not someone's own
  // words in a message ("tell sam I'll cancel it").
  const TRAILING_CHANGE =
    /(?:(?:\b(?:and|then)|,|;)\s+(?:decline|accept|cancel)(?:\s+(?:it|that|the invite|the meeting|the invitation))?|(?<!\b(?:i|i'll|we|we'll|you|they|he|she|will|would|to|can|can't|cannot|won't|could|should)\s)\b(?:decline|accept|cancel)\s+(?:it|that|the invite|the meeting|the invitation))\s*[.!]?$/i;

  /** The part of the request that is content to say, not instructions ("…that Thursday works"). */
  function splitMessage(text: string, action: IntentAction): { instruction: string; message?: string } {
    if (!['reply', 'send', 'post', 'draft'].includes(action)) return { instruction: text };
    // "tell maya I'll be at her workshop, accept it": a request that ends by accepting, declining or
    // cancelling is a reply to an invite, whose answer is the message; nothing in it is content to send.
    if (TRAILING_CHANGE.test(text)) return { instruction: text };
    const marker =
      /\s(?:that(?!\s+(?:to|on|in|from|for|with|one|e-?mail|message|thread|invite|meeting|doc|file|over|along|saying|says|said)\b)|saying|to say|asking(?=\s+(?:if|whether|about|for|to|when|what|how|who)\b)|and say(?: that)?|and tell (?:him|her|them|everyone|all)(?: that)?|letting (?:him|her|them) know(?: that)?|and let (?:him|her|them) know(?: that)?|and ask(?: (?:him|her|them))?(?=\s+(?:if|whether|about|to|when|what|how|for))|with(?= ["“']))\s+|(?<!\d):(?!\d)\s*|,\s*(?:saying|say|tell (?:him|her|them))\s+/i.exec(
        text,
      );
    // "reply in that thread": after a preposition, "that" points at something; it does not start what to say.
    const pointing =
      marker && /^\s*that\s*$/i.test(marker[0]) && /\b(?:in|on|to|from|about|for|with|into|of|under)$/i.test(text.slice(0, marker.index));
    if (marker && marker.index > 0 && !pointing) {
      const message = cleanMessage(text.slice(marker.index + marker[0].length));
      if (message) return { instruction: text.slice(0, marker.index), message };
    }
    // "tell Sam the deck is ready", "post in #deals we closed Northwind": content follows the target.
    const target =
      new RegExp(
        String.raw`^(?:[Tt]ell|[Ll]et)\s+(#[\w-]+|the [\w-]+ channel|everyone(?: in #[\w-]+)?|him|her|them|[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?|(?!the\b|them\b|him\b|her\b)[a-z][\w'-]+)\s+(?:(?:on|via|over|by)\s+(?:${C}|e-?mail|${M}|text|dm)\s+)?(?:know\s+)?(?:that\s+)?(.+)$`,
        '',
      ).exec(text) ??
      /^(?:please\s+)?(?:post|announce|say)\s+(?:(?:in|to|on)\s+)?(#[\w-]+)\s+(.+)$/i.exec(text) ??
      /^ask\s+([A-Za-z][\w'-]*(?:\s+[A-Z][\w'-]*)?)\s+((?:if|whether|about|to|when|what|how|who)\b.+)$/i.exec(text);
    // "tell them I can't make it and decline": the decline is the request, the words only its note.
    if (
      target?.[2] &&
      !/^(?:about|on|in|via|over)\b/i.test(target[2]) &&
      !/\b(?:and|then)\s+(?:decline|accept|cancel|reschedule|move)\b/i.test(target[2])
    ) {
      const message = cleanMessage(target[2]);
      if (message) return { instruction: text.slice(0, text.length - target[2].length), message };
    }
    // "reply to sam thanks got it": after the person, words that are not a preposition are the message.
    const bareReply =
      /^(?:[Rr]eply|[Rr]espond|[Ww]rite back)\s+(?:to\s+)?([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?|(?!(?:to|the|a|an|my|all|everyone|thanks|thank|ok|okay|sure|yes|no|sounds|got|will|great|perfect|cool|fine|i|we|in|on|inside|under|that|this)\b)[a-z][\w'-]*)\s+(?!(?:about|on|in|re|regarding|and|with|for|at|saying|that|to|via|over|by|from|tomorrow|today|tonight|this|next|asap|later|now|first|quickly|please|all|everyone|the|her|his|their|my|there|here|back|again|too|as)\b)(.+)$/.exec(
        text,
      );
    if (bareReply?.[2] && !/^(?:her|him|them|it|this|that|all|everyone)$/i.test(bareReply[1] ?? '')) {
      const message = cleanMessage(bareReply[2]);
      if (message) return { instruction: text.slice(0, text.length - bareReply[2].length), message };
    }
    const replyWith = /^(?:reply|respond)\s+(?:(?:to\s+)?all\s+|to\s+(?:[\w']+\s+){1,3})?with\s+(.+)$/i.exec(text);
    if (replyWith?.[1]) return { instruction: text.slice(0, text.length - replyWith[1].length), message: cleanMessage(replyWith[1]) };
    // 'post "we closed Northwind" in #deals'
    const quoted = /["“]([^"”]+)["”]|(?:^|\s)['‘]([^'’]+)['’](?=\s|$)/.exec(text);
    const quotedText = quoted?.[1] ?? quoted?.[2];
    if (quoted && quotedText) return { instruction: text.replace(quoted[0], ' '), message: cleanMessage(quotedText) };
    return { instruction: text };
  }

  function cleanMessage(s: string): string {
    return s
      .replace(new RegExp(String.raw`\s+(?:on|in|via|over)\s+(?:${C}|email|e-mail|${M})\s*[.?!]?$`, 'i'), '')
      .replace(/\s+(?:in|to|on)\s+#[\w-]+\s*[.?!]?$/i, '')
      .replace(
        /[,\s]+(?:but )?(?:save it as a draft|(?:and )?save (?:it )?as (?:an? )?(?:[\w-]+ )?draft|as an? (?:[\w-]+ )?draft|don't send(?: it)?(?: yet)?|do not send(?: it)?(?: yet)?|without sending(?: it)?)\s*[.?!]?$/i,
        '',
      )
      .trim()
      .replace(/^["“']|["”']$/g, '')
      .trim();
  }

  function findChannel(text: string): string | undefined {
    const hash = /#([a-z0-9][\w-]*)/i.exec(text);
    if (hash?.[1]) return hash[1].toLowerCase();
    const named = /\b(?:the|in|to|on|into|from)\s+(?:the\s+)?([a-z0-9][\w-]*)\s+channel\b/i.exec(text);
    if (named?.[1] && !new RegExp(String.raw`^(${C}|a|this|that|same|my|our|right|which|what|every|each|any)$`, 'i').test(named[1]))
      return named[1].toLowerCase();
    const chatIn = new RegExp(String.raw`\b(?:${C}|post(?:ed)?)\b.*\b(?:in|to)\s+(general|deals|random)\b`, 'i').exec(text);
    // "anything posted in logistics on <chat>": a place things are posted in, on the chat service, is a channel.
    const onChat = new RegExp(
      String.raw`\b(?:posted|said|written|new|happening|going on|messages?|anything|discussed)\s+in\s+(?!(?:it|there|here|my|the|any|dms?|threads?)\b)([a-z0-9][\w-]*)\s+(?:on|in|over)\s+(?:${C})\b`,
      'i',
    ).exec(text);
    // "post in eng that the deploy is done": where a post goes, said before what it says ("post on
    // <chat> that…" names the service, not a channel).
    const postIn = new RegExp(
      String.raw`^(?:post|share|drop (?:a (?:note|message)|it))\s+(?:in|to|on)\s+(?!(?:the|my|a|it|there|here|${C})\b)([a-z0-9][\w-]*)(?:\s+(?:that|saying)\b|\s*:|\s*$)`,
      'i',
    ).exec(text);
    return (chatIn?.[1] ?? onChat?.[1] ?? postIn?.[1])?.toLowerCase();
  }

  const GENERIC = new RegExp(
    String.raw`^(last|latest|new|recent|unread|my|an?|the|this|that|every|all|few|\d+|important|next|first|one|second|third|e-?mails?|mail|messages?|${C}|${M})$`,
    'i',
  );
  const QUERY_STOP = String.raw`(?=\s+(?:on|in|at|for|tomorrow|today|tonight|yesterday|next|this|last|from|with|to|by|and|since|lately|recently|earlier|over|across)\b|\s*[?.!,]?\s*$)`;

  function findSubject(instruction: string): string | undefined {
    const about = new RegExp(
      String.raw`\b(?:about|regarding|re|on the topic of|titled|called|subject|concerning)\s+(?:the\s+|my\s+|our\s+|an?\s+)?(.+?)` +
        QUERY_STOP,
      'i',
    ).exec(instruction);
    // "what about next week" is a time, not a topic.
    if (
      about?.[1] &&
      !/^(it|that|this|them|anything|something|me)$/i.test(about[1]) &&
      !/^(?:next|this|last|today|tomorrow|tonight|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|noon|\d)/i.test(
        about[1],
      ) &&
      !new RegExp(String.raw`^(?:on|in|via|over)\s+(?:${C}|e-?mail|${M})\b`, 'i').test(about[1])
    )
      return about[1].trim();
    const thread = /\b(?:the|my)\s+([\w-]+(?:\s+[\w-]+)?)\s+(?:thread|email|emails|conversation|chain|discussion)\b/i.exec(instruction);
    if (thread?.[1]) {
      const words = thread[1].split(/\s+/).filter((w) => !GENERIC.test(w));
      if (
        words.length > 0 &&
        !new RegExp(String.raw`^(e-?mail|messages?|${C}|${M}|calendar|whole|entire|latest|long)$`, 'i').test(words.join(' '))
      )
        return words.join(' ');
    }
    return undefined;
  }

  /** Search words said as a search ("search the chat for the budget", "did anyone mention Northwind"). */
  function findSearchWords(instruction: string): string | undefined {
    const forWords = new RegExp(
      String.raw`\b(?:search|look|find|check|dig)\b(?:\s+(?:through\s+)?[\w#'-]+){0,3}?\s+for\s+(?:the\s+|any\s+|anything\s+(?:about|on)\s+|messages?\s+(?:about|on)\s+|e-?mails?\s+(?:about|on)\s+|mentions?\s+of\s+)?(?:(?:e-?mail|message|thread|one)s?\s+(?:with|about|on|mentioning|that mentions?|where)\s+(?:the\s+)?)?(.+?)` +
        QUERY_STOP,
      'i',
    ).exec(instruction);
    const mention = new RegExp(
      String.raw`\b(?:mention(?:ed|s|ing)?|br(?:ought|ing|ings|inging) up|raised?|flagged)\s+(?:of\s+)?(?:the\s+|our\s+)?(.+?)` +
        QUERY_STOP,
      'i',
    ).exec(instruction);
    const status = new RegExp(
      String.raw`\b(?:status of|news (?:on|about)|updates? (?:on|about)|latest (?:on|about|with|in)|happening with|where are we (?:on|with)|(?:the |any )?word on|what's new with|how (?:are|is) (?:things|it|everything) (?:going )?with)\s+(?:the\s+|our\s+)?(.+?)` +
        QUERY_STOP,
      'i',
    ).exec(instruction);
    const talk = new RegExp(
      String.raw`\b(?:talk(?:ed|ing)?|said|say|saying|discuss(?:ed|ing)?|chatter)\s+(?:anything\s+)?(?:about|on(?!\s+(?:${C}|e-?mail|${M})\b))\s+(?:the\s+|our\s+)?(.+?)` +
        QUERY_STOP,
      'i',
    ).exec(instruction);
    const q = (forWords?.[1] ?? mention?.[1] ?? talk?.[1] ?? status?.[1])?.replace(
      /^(?:e-?mails?|messages?|anything|stuff|posts?|threads?)\s+(?:mentioning|about|on|regarding|that mention|with)\s+(?:the\s+)?/i,
      '',
    );
    if (
      q &&
      !new RegExp(String.raw`^(me|it|that|this|anything|something|them|${C}|e-?mail|messages?)$`, 'i').test(q) &&
      !new RegExp(String.raw`^(?:on|in|via|over)\s+(?:${C}|e-?mail|${M}|my)\b`, 'i').test(q)
    )
      return q
        .replace(/^["“']|["”']$/g, '')
        .replace(/^(?:the|our|my|a|an)\s+/i, '')
        .trim();
    return undefined;
  }

  function findCount(text: string): number | undefined {
    const n =
      /\b(?:last|latest|recent|top|first|most recent|past)\s+(\d+|two|three|four|five|six|seven|eight|nine|ten|twenty)\s+(?!days?|weeks?|hours?|months?|minutes?)/i.exec(
        text + ' ',
      );
    if (n?.[1]) return parseNumber(n[1]);
    const before =
      /\b(\d+|two|three|four|five|six|seven|eight|nine|ten|twenty)\s+(?:most recent|latest|newest|last|recent|new|unread)\s+(?:e-?mails|messages|threads|notes|ones)\b/i.exec(
        text,
      );
    if (before?.[1]) return parseNumber(before[1]);
    if (/\b(?:last|latest|most recent|newest)\s+(e-?mail|message|thread|note)\b(?!s)/i.test(text)) return 1;
    return undefined;
  }

  const SAYING =
    /\b(say|said|saying|write|wrote|send|sent|ask|asked|want|wanted|needed|in touch|reached out|contacted|chasing|chatter|talk|buzz|mention(ed)?|reply|replied|hear from|heard from|talk(?:ing|ed)? about|discuss(?:ing|ed)?)\b/i;
  const SOMEONE_SAID = [
    // A capitalised word after the first: a name.
    /^.+\b[A-Z][a-z]+\b/,
    /\b(?:did|has|have|what|what's|whats|what has|what have)\s+(?:the\s+|my\s+|our\s+)?(?!i\b|you\b|we\b|they\b|anyone\b|anybody\b|someone\b|everyone\b|he\b|she\b)[a-z][\w'-]+(?:\s+(?:team|people|folks|group|office|lawyers?|accountants?))?\s+(?:been\s+|end(?:ed)? up\s+|actually\s+|finally\s+)?(?:say|said|saying|talking|writing|write|wrote|send|sent|ask|asked|asking|mention|mentioned|want|wanted|needed)\b/i,
    /\b(?!i\b|you\b|we\b|they\b|he\b|she\b|it\b|anyone\b|someone\b)[a-z][\w'-]+\s+(?:sent|wrote|emailed|messaged|said to)\s+me\b/i,
    /\b(?:has|have|did)\s+(?!i\b|you\b|we\b)[a-z][\w'-]+\s+(?:been in touch|been in contact|reached out|got in touch|gotten in touch|get in touch|contacted me)\b/i,
    /\b(?:anyone|anybody|someone|somebody|people|everyone)\s+(?:been\s+)?(?:talk(?:ing|ed)?|discuss(?:ing|ed)?|say(?:ing)?|said|mention(?:ing|ed)?|chasing|nudging|pinging)\b/i,
    /\b(?:any|some|the)\s+(?:chatter|talk|buzz|discussion)\s+(?:about|on|around)\b/i,
    // "has he sent me anything about it": a person from the conversation, wherever they wrote.
    /\b(?:has|have|did)\s+(?:he|she|they)\s+(?:ever\s+|already\s+)?(?:sent|send|written|wrote|messaged|emailed|been in touch)\b/i,
  ];

  /**
   * Where to look when no service was named, first match wins. Each rule is one way people ask without
   * saying "email", "calendar" or a chat service.
   */
  const NO_SERVICE_RULES: Array<{ tools: Tool[]; when: (text: string, contacts: readonly Contact[]) => boolean }> = [
    // "catch me up", "what did I miss", "what's the status of the Acme deal": mail and chat.
    {
      tools: [lex.mail, lex.chat],
      when: (t) =>
        /\b(catch me up|what did i miss|anything new|what's new|whats new|what have i missed|anything (?:important|urgent)|what's (?:important|urgent)|needs? my attention|what should i (?:know|look at))\b/i.test(
          t,
        ) ||
        /\b(?:status of|news (?:on|about)|updates? (?:on|about)|latest (?:on|about|with|in)|what's happening with|whats happening with|where are we (?:on|with)|(?:the|any) word on|what's new with|how (?:are|is) (?:things|it|everything) (?:going )?with)\b/i.test(
          t,
        ),
    },
    // "put the quarterly review in for the 24th", "pop a call into thursday": an occasion put into a day
    // goes on the calendar.
    {
      tools: [lex.calendar],
      when: (t) =>
        /^(?:put|pop|stick|slot|pencil|get|throw|squeeze|fit)\b.*\b(?:in|into)\s+(?:for\s+|on\s+)?(?:today|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next|this|the \d)/i.test(
          t,
        ) && EVENT_WORDS.test(t),
    },
    // "add my granddaughter's birthday lunch on sunday at half past twelve", "put in a fire drill briefing on
    // the 20th at 8:30": an occasion added at a time.
    {
      tools: [lex.calendar],
      when: (t) =>
        /^(?:add|put|pop|stick|pencil|book)\b/i.test(t) &&
        (EVENT_WORDS.test(t) ||
          /^(?:put|pop|pencil|stick) in\b/i.test(t) ||
          /\b(?:my|a|the) (?:shift|class|lecture|lesson|practice|training|rehearsal)\b/i.test(t)) &&
        TIME_WORDS.test(t),
    },
    // "I've got this thing with dana later, what time is it": an occasion with a person is on the calendar.
    {
      tools: [lex.calendar],
      when: (t) =>
        /\b(?:thing|something|plans?|catch-?up|get-?together|appointment)\s+with\s+[a-z]/i.test(t) &&
        (TIME_WORDS.test(t) || /\b(?:later|soon|what time|when)\b/i.test(t)),
    },
    // "show me what dana sent yesterday", "pull up the last thing sam sent me": what a person sent, asked
    // for to look at, arrived by mail (chat is said, posted or messaged).
    {
      tools: [lex.mail],
      when: (t) =>
        /^(?:show|list|find|get|pull up|bring up|open|read|dig out|dig up)\b(?:\s+me)?\s+(?:what|the (?:last |latest |newest )?(?:thing|things|stuff|one))\s+(?:that\s+)?(?!i\b|you\b|we\b)[a-z][\w'-]*\s+(?:has\s+|had\s+|just\s+)?sent\b/i.test(
          t,
        ),
    },
    // "show me everything from stripe": a sender who is not a contact writes by mail.
    {
      tools: [lex.mail],
      when: (t, contacts) => {
        const from =
          /\b(?:everything|anything|all|stuff|things|what)\b.*\bfrom\s+(?!(?:last|this|yesterday|today|earlier|before|next|the past|my|our|me)\b)([a-z][\w'-]*)/i.exec(
            t,
          );
        return (
          /^(?:show|list|find|get|pull up|open|read|any|anything|everything|what|heard|hear|have i heard|did i hear)\b/i.test(t) &&
          !!from?.[1] &&
          contactsMatching(from[1], [...contacts]).length === 0
        );
      },
    },
    // "what did the insurance company send": an organisation writes by mail.
    {
      tools: [lex.mail],
      when: (t) =>
        SAYING.test(t) &&
        /\bthe\s+[\w-]+\s+(?:company|firm|agency|council|school|clinic|surgery|practice|provider|supplier|bank|office|department)\b/i.test(
          t,
        ),
    },
    // "where's the contract Dana sent": documents arrive by mail.
    {
      tools: [lex.mail],
      when: (t) =>
        // "did jordan ever send over that proposal": a person sending a document.
        /\b(?:did|has|have)\s+(?!i\b|you\b|we\b)[a-z][\w'-]*\s+(?:ever\s+|already\s+|finally\s+|actually\s+)?(?:send|sent|forward|forwarded)\s+(?:(?:over|across|through|on|me)\s+)?(?:the|that|this|those|a|an|his|her|their|my)\s+(?:[\w-]+\s+)?(?:contract|document|doc|file|attachment|deck|report|slides?|proposal|pdf|quote|estimate|invoice|receipt|letter|form|photos?|draft|notes)\b/i.test(
          t,
        ) ||
        // "what's the story with the contract from maya": a document from someone came by mail.
        /\b(?:the|that|this|a|an)\s+(?:signed\s+|latest\s+|new\s+)?(?:contract|document|doc|attachment|deck|report|slides?|proposal|pdf|quote|estimate|invoice|receipt|letter|form)\s+from\s+[a-z]/i.test(
          t,
        ) ||
        // "look for the tracking number for my order": what a shop or an airline sends comes by mail.
        /\b(?:tracking (?:number|link|code|info)|order (?:confirmation|number|status)|booking (?:confirmation|reference|number)|confirmation (?:number|code|e-?mail)|boarding pass(?:es)?|e-?tickets?|itinerary|payslips?|pay stubs?)\b/i.test(
          t,
        ) ||
        /\b(?:contract|document|doc|file|attachment|deck|report|slides?|proposal|pdf|invoice|receipt|statement)\b.*\b(?:arrived|come in|come through|came in|came through|landed|turned up)\b/i.test(
          t,
        ) ||
        /\b(?!i\b)[a-z][\w'-]*'s (?:note|letter|memo)\b/i.test(t) ||
        // "did the payslip come through": a thing that arrives, arrives by mail.
        /^(?:did|has|have|is|has)\s+(?:the|my|our|a|an)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:come|came|arrived|landed|turned up)\b/i.test(t) ||
        /\bsent me (?:the|a|an|that|this)\s+(?:signed\s+)?(?:contract|document|doc|file|attachment|deck|report|slides?|proposal|pdf|invoice)\b/i.test(
          t,
        ) ||
        /\b(?:contract|document|doc|file|attachment|deck|report|slides?|proposal|pdf|quote|estimate|invoice|receipt|letter|form|photos?)\s+(?:that\s+)?(?:the\s+|my\s+|our\s+)?(?!i\b|you\b|we\b)[a-z][\w'-]+\s+(?:sent|forwarded|emailed)\b/i.test(
          t,
        ),
    },
    // "tell Sam the deck is ready": a note to a person is an email.
    { tools: [lex.mail], when: (t) => SEND_LEAD.test(t) || SEND_ANYWHERE.test(t) },
    // "what did Dana write about the NDA": someone said something somewhere; look in both.
    { tools: [lex.mail, lex.chat], when: (t) => SAYING.test(t) && SOMEONE_SAID.some((re) => re.test(t)) },
    // "organize a team dinner next Friday at 7": arranging something at a time is a calendar event.
    {
      tools: [lex.calendar],
      when: (t) =>
        !OUT_OF_SCOPE.test(t) &&
        SCHEDULE_VERB.test(t) &&
        (TIME_WORDS.test(t) || /\bwith\s+(?!the\b|my\b|a\b|an\b)[a-z]/i.test(t) || /\b(?:time|slot|invite)\b/i.test(t)),
    },
    // "summarize the conversation with Dana", "any updates from Dana": wherever that person wrote.
    {
      tools: [lex.mail, lex.chat],
      when: (t, contacts) =>
        /\b(?:from|by|with)\s+[A-Za-z]/.test(t) &&
        (ACTION_RE.summarize.test(t) || /^(?:any|anything|what's|whats|what|(?:read|show|get|give) me|the latest|latest)\b/i.test(t)) &&
        findPeople(t, [...contacts], lex).length > 0,
    },
    // "when is the design review", "what have I got on tomorrow morning": a question about an occasion
    // or a time is about the calendar.
    {
      tools: [lex.calendar],
      when: (t) =>
        QUESTION_LEAD.test(t) &&
        !OUT_OF_SCOPE.test(t) &&
        (/^(?:when(?:'s| is| are| was| do| does| will| am| i'm| i am)|what time(?:'s| is| are| do| does| will| am))\b/i.test(t) ||
          (TIME_WORDS.test(t) &&
            (/\b(?:have|got|on|doing|free|open|clear|available|planned|plans?|booked|scheduled|busy|up to|anything|seeing|meeting|visiting)\b/i.test(
              t,
            ) ||
              /^how\b/i.test(t)))),
    },
    // "who else is coming to the offsite", "how long is the board meeting": a question about an occasion.
    {
      tools: [lex.calendar],
      when: (t) => !OUT_OF_SCOPE.test(t) && QUESTION_LEAD.test(t) && EVENT_WORDS.test(t) && !SAYING.test(t),
    },
  ];

  function detectTools(text: string, action?: IntentAction, contacts: readonly Contact[] = []): Tool[] {
    const tools = new Set<Tool>();
    if (RE.chat.test(text)) tools.add(lex.chat);
    // A channel's name ("#events", "#mail-ops") names the chat service, not mail or the calendar.
    const words = withoutTimeForward(text.replace(/#[\w-]+/g, ' '));
    if (RE.mail.test(words)) tools.add(lex.mail);
    if (RE.mailWeak.test(words) && !tools.has(lex.chat)) tools.add(lex.mail);
    // "while I was in the meeting", "since the standup": an occasion as a time, not a calendar request; so is
    // "before the board call" in a request that names mail or chat, and "the carpool schedule" that someone
    // talked about.
    const said = SAYING.test(text) && SOMEONE_SAID.some((re) => re.test(text));
    const timeless = (said ? withoutTopic(words) : words).replace(EVENT_AS_TIME, ' ');
    if (RE.calendar.test(tools.size > 0 ? timeless.replace(BEFORE_OCCASION, ' ') : timeless)) tools.add(lex.calendar);
    // "open my unread messages": unread messages could be in either place.
    if (/\bunread\b/i.test(text) && RE.message.test(text) && !RE.chat.test(text) && !RE.mail.test(text)) tools.add(lex.chat);
    // "has maya messaged me about the invoice": what a message is about names no medium, so a message
    // read with none named outside its topic could be in either place.
    const topicless = withoutTopic(words);
    if (
      RE.message.test(topicless) &&
      !RE.chat.test(text) &&
      !RE.mail.test(topicless) &&
      !RE.mailWeak.test(topicless) &&
      !(action === 'send' || action === 'post' || SEND_LEAD.test(text))
    ) {
      tools.add(lex.mail);
      tools.add(lex.chat);
    }
    // "message Sam", "any new messages from Priya": a message with no medium named could be either.
    if (RE.message.test(text) && !tools.has(lex.chat) && !tools.has(lex.mail)) {
      if (action === 'send' || action === 'post' || SEND_LEAD.test(text)) tools.add(lex.chat);
      else {
        tools.add(lex.mail);
        tools.add(lex.chat);
      }
    }
    // A provider of another kind ("my notebook") is named by its own words.
    for (const o of lex.others) if (o.re.test(words)) tools.add(o.tool);
    if (tools.size === 0) for (const t of NO_SERVICE_RULES.find((r) => r.when(text, contacts))?.tools ?? []) tools.add(t);
    // "what's happening in #support this morning", "who's on call? check #oncall": a named channel is where to
    // look; times and occasions there are what was said, unless the calendar itself was named.
    if (
      tools.has(lex.chat) &&
      tools.has(lex.calendar) &&
      findChannel(text) !== undefined &&
      !/\b(?:calendar|diary|agenda|invit(?:e|ation)s?|schedul(?:e|ed|ing)|book|set up|block)\b/i.test(words)
    )
      tools.delete(lex.calendar);
    // "any unread DMs": direct messages are the chat service's unless mail was named outright.
    if (
      tools.has(lex.mail) &&
      tools.has(lex.chat) &&
      /\bdms?\b|\bdirect messages?\b/i.test(text) &&
      !new RegExp(String.raw`\be-?mails?\b|\bmail\b|\binbox\b|\b${M}\b`, 'i').test(text)
    ) {
      tools.delete(lex.mail);
    }
    // "send Dana the agenda", "send the meeting notes to Sam": a document about a meeting goes by mail;
    // only an invite is a calendar write.
    if (
      tools.size === 1 &&
      tools.has(lex.calendar) &&
      (/^(?:send|forward|share|e-?mail)\b/i.test(text) || INFORM_LEAD.test(text)) &&
      !/\binvit(?:e|ation)s?\b|\bcalendar\b|\bmeeting request\b/i.test(text) &&
      !ACTION_RE.schedule.test(text)
    ) {
      tools.delete(lex.calendar);
      tools.add(lex.mail);
    }
    // "invites I haven't responded to": answering an invitation is an RSVP, not mail.
    if (
      tools.has(lex.mail) &&
      tools.has(lex.calendar) &&
      /\binvit(?:e|ation)s?\b/i.test(words) &&
      RSVP_OWN.test(words) &&
      !RE.mail.test(words) &&
      !/^(?:reply|respond|answer|write back)\b/i.test(text)
    )
      tools.delete(lex.mail);
    // "share the agenda with the team in #general": a document about a meeting, posted; only an invite is a calendar write.
    if (
      tools.has(lex.chat) &&
      tools.has(lex.calendar) &&
      /^(?:send|share|post|forward|message|tell|let|drop|ask|remind|ping|dm|notify)\b/i.test(text) &&
      !/\binvit(?:e|ation)s?\b|\bcalendar\b|\bmeeting request\b/i.test(text) &&
      !ACTION_RE.schedule.test(text)
    )
      tools.delete(lex.calendar);
    // "reply in the weekend schedule thread in #general": a reply in a chat thread answers people, not a calendar.
    if (
      tools.has(lex.chat) &&
      tools.has(lex.calendar) &&
      /^(?:reply|respond|answer)\b/i.test(text) &&
      !/\binvit(?:e|ation)s?\b/i.test(text)
    )
      tools.delete(lex.calendar);
    // "call mom" is a phone call, not a calendar read.
    if (
      /^call\s+(?!with\b|off\b)/i.test(text) &&
      !RE.mail.test(text) &&
      !RE.chat.test(text) &&
      !/\b(?:meeting|calendar|schedule|invite)\b/i.test(text)
    )
      tools.delete(lex.calendar);
    // "book a flight to New York": travel is not a calendar event Vouch can create.
    if (
      tools.size === 1 &&
      tools.has(lex.calendar) &&
      /^book\b/i.test(text) &&
      /\b(?:flights?|hotels?|tables?|restaurants?|uber|lyft|taxi|cab|trains?|tickets?|car|rental)\b/i.test(text)
    )
      tools.delete(lex.calendar);
    // "send Sam an email about the meeting": the meeting is the topic, not a calendar write.
    if (
      tools.has(lex.mail) &&
      tools.has(lex.calendar) &&
      /^(?:e-?mail|send|reply|respond|write|draft|tell|let|forward|fwd|pass|ask)\b/i.test(text)
    ) {
      tools.delete(lex.calendar);
    }
    return lex.order.filter((t) => tools.has(t));
  }

  /**
   * A clause that only explains ("…, I need to see when she said the candidate is available", "they usually
   * write before the quarterly meeting", "before the board call …"): a statement or a time, not the request.
   */
  const CONTEXT_CLAUSE =
    /^(?:(?:and|but|because|cause|cos|since|as|so|though|although)\s+)?(?:(?:i|i'm|im|i've|ive|i'd|i'll|we|we're|we've|we'll|they|they're|they've|they'll|she|she's|he|he's|it|it's|its|that's|there's|there are|this is)\b|(?:before|after|while|until|during|once)\b)/i;

  /**
   * The services the request's own clauses name, when explanatory clauses name others: "pull up the email
   * from the recruiter, I need to see when she's available" is a mail read, not a calendar one. Kept as is
   * when only the explanation names a service, or nothing would be left.
   */
  function mainClauseTools(instruction: string, tools: Tool[], action: IntentAction, contacts: readonly Contact[]): Tool[] {
    const main = withoutContextClauses(instruction);
    if (main === instruction) return tools;
    // "anything from priya today? she was supposed to send the numbers": where to look is the question's.
    if (tools.length < 2) {
      const own = detectTools(main, action, contacts);
      return own.length > 0 ? own : tools;
    }
    return narrowedTo(main, tools, action, contacts);
  }

  /**
   * The services named outside what the request is about: "summarize the email thread with counsel about
   * the discovery schedule" reads mail; the schedule is its topic.
   */
  function outsideTopicTools(instruction: string, tools: Tool[], action: IntentAction, contacts: readonly Contact[]): Tool[] {
    const outside = withoutTopic(instruction);
    return tools.length < 2 || outside === instruction ? tools : narrowedTo(outside, tools, action, contacts);
  }

  /** The tools among `tools` that `part` of the request names by itself; all of them when it names none. */
  function narrowedTo(part: string, tools: Tool[], action: IntentAction, contacts: readonly Contact[]): Tool[] {
    const own = detectTools(part, action, contacts).filter((t) => tools.includes(t));
    return own.length > 0 ? own : tools;
  }

  /** The request up to what it is about ("… about the invoice"), whose words name no service. */
  function withoutTopic(text: string): string {
    return text.replace(/\b(?:about|regarding|re|concerning)\b.*$/i, ' ');
  }

  /** The request without its explanatory clauses (as it is when none, or only, are). */
  function withoutContextClauses(instruction: string): string {
    // Spoken without punctuation, a clause still starts where a new subject does ("… candidate i need to see …").
    const clauses = instruction
      .split(
        /\s*(?:[,;]|\s[—–-]\s|\?(?=\s))\s*|(?<!\b(?:do|did|does|can|could|should|would|will|shall|may|might|must|if|whether|when|what|where|how|why|who|which|that|and|or|but|so|have|had|has|am|are|is|was|were)\s*)\s+(?=(?:i|we|they|she|he)\s+(?:need|want|have|had|usually|always|was|were|am|said|think|feel|just|can't|don't|\w+ed)\b)/i,
      )
      .filter((c) => c.trim());
    const main = clauses.filter((c) => !CONTEXT_CLAUSE.test(c.trim()));
    return main.length === 0 || main.length === clauses.length ? instruction : main.join(', ');
  }

  function detectAction(lead: string, tools: Tool[]): IntentAction {
    if (tools.length === 0) return 'unknown';
    // Only a provider of another kind: making something with it ("save a note …") is a draft, the rest reads.
    const other = tools.length === 1 ? lex.others.find((o) => o.tool === tools[0]) : undefined;
    if (other) return other.make?.test(lead) && !QUESTION_LEAD.test(lead) ? 'draft' : 'read';
    const sends = SEND_LEAD.test(lead) || SEND_ANYWHERE.test(lead);
    const isQuestion = QUESTION_LEAD.test(lead) || (!COMMAND_LEAD.test(lead) && /\?\s*$/.test(lead));

    if (ACTION_RE.summarize.test(lead) && !(COMMAND_LEAD.test(lead) && !/^summari[sz]e/i.test(lead) && !isQuestion)) return 'summarize';
    if (ACTION_RE.reply.test(lead) && !isQuestion) return 'reply';
    // "get me 30 minutes with Maya" asks for a slot, not a read.
    if (
      tools.includes(lex.calendar) &&
      /^(?:get|grab|book|find) (?:me|us) (?:\d+|an?|half an?|some|one|two|fifteen|twenty|thirty|forty-five)\b.*\b(?:minutes?|mins?|hours?|time|slot|meeting|call)\b/i.test(
        lead,
      )
    )
      return 'schedule';
    // "get me and sam in a room": bringing people together is a meeting, though "get me" leads questions.
    if (
      tools.includes(lex.calendar) &&
      /^(?:get|put)\s+(?:me and [a-z]+|[a-z]+ and me|us|them|everyone|the team)\s+(?:in a room|together)\b/i.test(lead)
    )
      return 'schedule';
    if (tools.includes(lex.calendar) && ACTION_RE.schedule.test(lead) && !isQuestion) return 'schedule';
    if (ACTION_RE.draft.test(lead) && !isQuestion) return 'draft';
    if (tools.includes(lex.chat) && (ACTION_RE.post.test(lead) || sends) && !isQuestion) return 'post';
    if (sends && !isQuestion) return 'send';
    return 'read';
  }

  /** What the previous user request was about, for "that one", "and tomorrow?" and "move it to 4". */
  function previousIntent(ctx: IntentContext): Intent | undefined {
    for (let i = ctx.history.length - 1; i >= 0; i--) {
      const t = ctx.history[i];
      if (t?.role !== 'user') continue;
      const prev = parseFresh(t.text, { ...ctx, history: ctx.history.slice(0, i), pending: undefined });
      if (prev.tools.length > 0) return answeredFrom(prev, ctx.history[i + 1]);
    }
    return undefined;
  }

  /**
   * A read of both mail and chat whose answer came from one of them ("14 new messages in #marketing…"):
   * what follows it ("short version", "the second one") is about that one.
   */
  function answeredFrom(prev: Intent, answer: Turn | undefined): Intent {
    if (answer?.role !== 'assistant' || !(prev.tools.includes(lex.mail) && prev.tools.includes(lex.chat))) return prev;
    const chat = RE.chat.test(answer.text);
    const mail = RE.mail.test(answer.text);
    if (chat === mail) return prev;
    return { ...prev, tools: [chat ? lex.chat : lex.mail] };
  }

  function civilDayOf(iso: string | undefined, tz: string): CivilDate | undefined {
    if (!iso) return undefined;
    const p = zonedParts(new Date(iso), tz);
    return { year: p.year, month: p.month, day: p.day };
  }

  /** "move my 3pm tomorrow to 4" → where the event is now, and where it goes. */
  function resolveMove(
    instruction: string,
    ctx: IntentContext,
    tz: string,
    anchor?: CivilDate,
  ): { from?: { start: Date; end: Date }; to?: Date } {
    const target =
      /\b(?:to|until|till|into|for|at)\s+((?:\d{1,2}(?::\d{2})?(?:\s*(?:am|pm|a\.m\.|p\.m\.))?|noon|midday|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half past|quarter)\b.*|(?:tomorrow|today|tonight|next|this|the|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|later)\b.*)$/i.exec(
        instruction,
      );
    const source = target ? instruction.slice(0, target.index) : instruction;
    const from = resolveWhen(source, ctx.now, tz, { future: true, defaultSlotMinutes: 60 });
    const out: { from?: { start: Date; end: Date }; to?: Date } = {};
    if (from.range && (from.day || from.time)) out.from = from.range;
    if (!target?.[1]) return out;
    const said = target[1]
      .replace(/^(\d{1,2}(?::\d{2})?)(?=\s*(?:a\.?m\.?|p\.?m\.?|o'?clock)?\b)/i, 'at $1')
      .replace(/^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/i, (w) => `at ${parseNumber(w) ?? w}`);
    const to = resolveWhen(said, ctx.now, tz, { future: true, defaultSlotMinutes: 60 });
    const baseDay =
      to.day &&
      /\b(?:tomorrow|today|tonight|next|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the \d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.? \d)/i.test(
        said,
      )
        ? to.day
        : (from.day ?? anchor ?? to.day);
    const time = to.time ?? from.time;
    if (baseDay && time) {
      let start = zonedTimeToInstant(baseDay, time.hour, time.minute, tz);
      if (start < ctx.now && !to.day) start = zonedTimeToInstant(todayIn(ctx.now, tz), time.hour, time.minute, tz);
      out.to = start;
    } else if (to.start) out.to = to.start;
    return out;
  }

  const REMEMBER =
    /^(?:note to self|remember|make a note|note|keep in mind|don't forget|do not forget|save (?:a )?note|add (?:a )?note)\b(?:\s+for me)?(?:\s+(?:that|this))?(?:\s*[:,]\s*|\s+)(?!to\b|what\b|when\b|who\b|where\b|how\b|if\b|whether\b|about\b)(.+)$/i;

  /** "forget that my manager is Dana"; never a bare "forget it" / "forget that" (that drops the open question). */
  const FORGET =
    /^(?:please\s+)?(?:forget|stop remembering|don't remember|do not remember)\b(?:\s+(?:that|about))?\s+(?!(?:it|that|this|about it|about that)\s*[.!]*$)(.+)$/i;

  /** Asking for the last request again ("do that again for friday", "same question for tomorrow"). */
  const REPEAT =
    /^(?:do|repeat)\s+(?:that|it|this|the same(?: thing)?)(?:\s+again|\s+one more time)?\b|^same (?:question|thing|again|for)\b|^(?:again|ditto)\b/i;

  /** "I had a great meeting with sam today": telling, not asking; no request follows. */
  const REMARK =
    /^(?:(?:i|we)\s+(?:just\s+|really\s+)?(?:had|went|enjoyed|loved|liked|hated|finished|got through|survived|met)\b|(?:that|the|this|today's|this morning's)\s+(?:[\w-]+\s+){0,3}?(?:was|went|is)\s+(?:so\s+|really\s+|pretty\s+)?(?:brutal|great|awful|long|fun|rough|terrible|amazing|good|bad|fine|ok|okay|painful|intense|boring|useful|productive)\b)(?!.*(?:\?|\b(?:can|could|would|will) you\b|\bplease\b|\b(?:remind|tell|let|send|check|find|show|schedule|book|reply|email|post|move|cancel|push)\b))/i;

  /** A service said not to be meant ("not an email", "not on <chat>"): no request for it. */
  const NEGATED_SERVICE = negatedServices(lex, ['mail', 'chat', 'calendar'], 'gi');
  /**
   * Correcting the last answer ("no, I meant the email from sam, not <chat>", "I said thursday, not tuesday",
   * "wrong meeting — the 3pm with jordan", "just the sender, not everybody").
   */
  /** Words a correction opens with ("no,", "sorry", "oh wait"), before what it puts right. */
  const CORRECTION_LEADS = String.raw`no+|nope|wait|oh wait|sorry|ugh|eh|whoa|hmm|actually|ok(?:ay)?|so|hey|well|right|please|(?:could|can|would) you`;
  const CORRECTION = new RegExp(
    String.raw`^(?:(?:${CORRECTION_LEADS})\b[!,.]*\s*)*(?:(?:no|nope)\b[!,.]?\s|not\b|wrong\b|i (?:said|meant|mean)\b|i don'?t need\b|[^.?!]{1,30}[,.!]\s*not\b|(?:just\s+)?(?:the\s+)?[\w'-]+(?:\s+[\w'-]+){0,3}\s+not\s+(?:just\s+)?(?:the\s+|an?\s+)?[\w'-]+(?:'s)?\s*$)`,
    'i',
  );
  /** What a correction takes back: its lead, and what it says was not meant. */
  const CORRECTION_NOISE = new RegExp(
    String.raw`^(?:(?:${CORRECTION_LEADS}|wrong|i (?:said|meant|mean)|that's wrong)\b[!,.—–-]*\s*)+|\b(?:not|no)\s+(?:just\s+)?(?:an?\s+|the\s+|on\s+|by\s+|in\s+|to\s+|that\s+|this\s+)?[\w#'-]+(?:'s)?(?:\s+(?:one|ones))?[.!,]?|\bi don'?t (?:need|want) (?:you to )?(?:an?\s+|the\s+)?[\w'-]+(?:\s+it(?:\s+all)?)?[.!,]?|\binstead\b|^\s*just\s+`,
    'gi',
  );
  const EXPLICIT_VERB =
    /^(?:just\s+)?(?:list|read|show|check|open|find|search|look)\b|^(?:what|when|who|which|where|how|any|anything|is|are|am|do|does|did|has|have)\b/i;

  /** The last request, corrected by what the person says now; undefined when it is no correction of one. */
  function corrected(spoken: string, ctx: IntentContext, prevIntent: () => Intent | null): Intent | undefined {
    const correcting =
      CORRECTION.test(spoken) || /^(?:sorry|no|nope|wait|actually)\b[!,.]?\s+[\w'-]+(?:\s+[\w'-]+){0,3}\s+not\b/i.test(spoken);
    if (!correcting || ctx.history.at(-1)?.role !== 'assistant') return undefined;
    // "no, make it 4 instead" amends a proposed time (the move rules below handle it).
    if (/\b(?:make it|change it to|switch it to)\b/i.test(spoken)) return undefined;
    const positive = spoken
      .replace(CORRECTION_NOISE, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^[\s,.;:!—–-]+|[\s,;:—–-]+$/g, '');
    if (!positive || /^(?:thanks?|thank you|ok(?:ay)?|fine|never ?mind|it|that)\b/i.test(positive)) return undefined;
    const p = prevIntent();
    if (!p || p.tools.length === 0) return undefined;
    // "by email. did he ever write back to my email": the last sentence may be the whole request again.
    const whole = parseFresh(positive, { ...ctx, history: [], pending: undefined });
    const lastSentence =
      positive.split(/(?<=[.!?])\s+(?=\S)|\s+(?=(?:did|does|has|have|what|when|who|is|are|do)\s+\w+\s+\w+)/i).at(-1) ?? positive;
    const last = lastSentence === positive ? whole : parseFresh(lastSentence, { ...ctx, history: [], pending: undefined });
    const fresh =
      last.tools.length > 0 && last.action !== 'unknown' && (QUESTION_LEAD.test(lastSentence) || whole.tools.length === 0) ? last : whole;
    const named =
      [RE.chat, RE.mail, RE.calendar].some((re) => re.test(positive)) || (fresh.tools.includes(lex.chat) && SEND_LEAD.test(positive));
    const tools = named && fresh.tools.length > 0 ? fresh.tools : p.tools;
    const op = calendarOperation(positive);
    const verb =
      op !== undefined ||
      EXPLICIT_VERB.test(positive) ||
      [ACTION_RE.summarize, ACTION_RE.reply, ACTION_RE.draft, ACTION_RE.post, SEND_LEAD, SAVE_AS_DRAFT].some((re) => re.test(positive)) ||
      FORWARD.test(positive);
    let action: IntentAction = verb
      ? fresh.tools.length > 0 && fresh.action !== 'unknown'
        ? fresh.action
        : op !== undefined
          ? 'schedule'
          : detectAction(positive.replace(/^just\s+/i, ''), tools)
      : p.action;
    if (tools.length === 1 && tools[0] === lex.chat && action === 'send') action = 'post';
    if (tools.length === 1 && tools[0] === lex.mail && action === 'post') action = 'send';
    const entities: Intent['entities'] = { ...p.entities };
    const f = fresh.entities;
    if (f.people.length > 0) {
      entities.people = f.people;
      entities.emails = f.emails;
    }
    for (const k of [
      'time_range',
      'start',
      'channel',
      'query',
      'subject',
      'message',
      'analysis',
      'save_as_draft',
      'reply_all',
      'forward',
    ] as const)
      if (f[k] !== undefined) (entities as Record<string, unknown>)[k] = f[k];
    if (action === 'schedule') entities.operation = op ?? p.entities.operation ?? 'create';
    else delete entities.operation;
    if (action === 'draft' && SAVE_AS_DRAFT.test(positive)) entities.save_as_draft = true;
    if (/\bnot (?:to )?(?:all|everybody|everyone)\b|\bjust the sender\b|\bonly (?:the sender|him|her)\b/i.test(spoken))
      delete entities.reply_all;
    const goIn = /\b(?:go|be|post(?:ed)?)\s+in\s+#?([a-z0-9][\w-]*)\s*$/i.exec(positive);
    if (goIn?.[1] && tools.includes(lex.chat)) entities.channel = goIn[1].toLowerCase();
    // "not design, eng" after a channel read: the one word left is the channel meant.
    if (
      tools.includes(lex.chat) &&
      /^#?[a-z0-9][\w-]*$/i.test(positive) &&
      (p.entities.channel || /^#/.test(positive) || RE.chat.test(ctx.history.at(-1)?.text ?? ''))
    )
      entities.channel = positive.replace(/^#/, '').toLowerCase();
    if (!tools.includes(lex.chat)) delete entities.channel;
    return { tools, action, entities, needs_write: WRITE_ACTIONS.has(action) };
  }

  function parseFresh(text: string, ctx: IntentContext): Intent {
    let prevCorrected: Intent | null | undefined;
    const tz = isValidTimeZone(ctx.timezone) ? ctx.timezone : 'UTC';
    const contacts = ctx.contacts ?? [];
    const { text: raw, continuation } = cleanUtterance(text.replace(NEGATED_SERVICE, ' '));

    // "oh, I got that muddled. please forget that Sam is my neighbour": a note is said last, after a remark.
    const lastSaid = cleanUtterance(raw.split(/(?<=[.!?])\s+(?=\S)/).at(-1) ?? raw).text;
    const forget = FORGET.exec(raw) ?? FORGET.exec(lastSaid);
    if (forget?.[1]) {
      // "forget that sam is on leave this week, he is back": the note, without why it is dropped.
      const fact = withoutContextClauses(forget[1].replace(/[.!?]+$/, '').trim());
      if (fact) return { tools: [], action: 'unknown', entities: { people: [], emails: [], forget: fact }, needs_write: false };
    }

    if (REMARK.test(raw) || DEVICE_COMMAND.test(raw) || SPELLING.test(raw))
      return { tools: [], action: 'unknown', entities: { people: [], emails: [] }, needs_write: false };
    // "save a note … in my notebook" names a provider that keeps notes: it is for that provider, not memory.
    const remember = lex.others.some((o) => o.re.test(raw)) ? null : (REMEMBER.exec(raw) ?? REMEMBER.exec(lastSaid));
    if (remember?.[1]) {
      const fact = remember[1].replace(/[.!?]+$/, '').trim();
      if (fact) return { tools: [], action: 'unknown', entities: { people: [], emails: [], remember: fact }, needs_write: false };
    }

    const correction = corrected(stripHesitations(text), ctx, () => (prevCorrected ??= previousIntent(ctx) ?? null));
    if (correction) return correction;

    // A first guess at the action decides where the message starts; tools and action are then taken
    // from the instruction alone so "tell Sam the meeting moved" is not a calendar request.
    const guessTools = detectTools(raw, undefined, contacts);
    // A request that opens by addressing a person ("tell Dana I accepted the invite") carries a message
    // whatever its words name, so it is split before the invite can make it a calendar write.
    const addressed = new RegExp(String.raw`^(?:e-?mail|tell|let(?! me\b)|message|ping|dm|text|ask|write to|shoot|${C})\b`, 'i').test(raw);
    const firstAction = FORWARD.test(raw) || (addressed && !guessTools.includes(lex.chat)) ? 'send' : detectAction(raw, guessTools);
    const { instruction, message } = splitMessage(raw, firstAction);
    let tools = outsideTopicTools(
      instruction,
      mainClauseTools(instruction, detectTools(instruction, firstAction, contacts), firstAction, contacts),
      firstAction,
      contacts,
    );
    let action: IntentAction = tools.length > 0 ? detectAction(instruction, tools) : 'unknown';
    // "(can we) do the review on thursday instead": doing an event at another time is a proposal, not "do I …?".
    const isQuestion =
      (QUESTION_LEAD.test(instruction) &&
        !/^(?:can|could) (?:i|we)\b/i.test(instruction) &&
        !/^do (?:the|it|that|this)\b/i.test(instruction)) ||
      // "sam reply to my email yet": a question said without its "did".
      /^(?!i\b|you\b|we\b)[a-z][\w'-]*\s+(?:reply|respond|answer|get back)\b.*\byet\s*[?.]?$/i.test(instruction);
    const explicitChat = RE.chat.test(instruction);

    const entities: Intent['entities'] = { people: [], emails: [] };
    const prev = () => (prevCache ??= previousIntent(ctx) ?? null);
    let prevCache: Intent | null | undefined;

    // A change to an existing event: "move my 3pm to 4", "decline the 4pm invite", "cancel it".
    // "cancel the final round, she accepted another offer": the request's own clauses say what to do.
    const op = calendarOperation(withoutContextClauses(instruction)) ?? calendarOperation(instruction);
    const refersBack = REFERS_BACK.test(instruction);
    const eventish = EVENT_WORDS.test(instruction) || tools.includes(lex.calendar);
    const mailish = RE.mail.test(withoutTimeForward(instruction)) || (tools.includes(lex.chat) && explicitChat);
    const timed = TIME_WORDS.test(instruction) && !RE.mail.test(withoutTimeForward(instruction)) && !explicitChat;
    // "cancel the dentist" right after a calendar answer is about that calendar.
    const afterCalendar = () => !RE.mail.test(instruction) && !explicitChat && (prev()?.tools.includes(lex.calendar) ?? false);
    const endsWithChange = TRAILING_CHANGE.test(instruction);
    if (
      op &&
      !isQuestion &&
      (!mailish || (endsWithChange && eventish)) &&
      (eventish ||
        timed ||
        endsWithChange ||
        afterCalendar() ||
        (refersBack && (prev()?.tools.includes(lex.calendar) ?? op === 'move')) ||
        (op === 'move' && /\bto\s+\d/.test(instruction)))
    ) {
      tools = [lex.calendar];
      action = 'schedule';
      entities.operation = op;
    }

    // "search the chat for the deploy schedule", "… for the word invoice": the service is named outside the
    // search words; words inside them are only what to look for.
    if (tools.length > 1) {
      const q = findSearchWords(instruction);
      const outside = q ? detectTools(instruction.replace(q, ' '), firstAction, contacts) : [];
      if (outside.length > 0) tools = outside;
    }

    // "no, make it 4 instead" after a new meeting was proposed changes that proposal, not an existing event.
    if (entities.operation === 'move' && /\b(?:make it|change it to|switch it to|instead)\b/i.test(instruction)) {
      const p = prev();
      if (p?.action === 'schedule' && p.entities.operation === 'create') {
        const amended = fillPending(
          text,
          { ...ctx, pending: { tools: p.tools, action: p.action, entities: p.entities, missing: 'start' } },
          (t, c) => parseFresh(t, { ...c, history: [] }),
          lex,
        );
        if (amended?.pending_outcome === 'filled')
          return { tools: amended.tools, action: amended.action, entities: amended.entities, needs_write: amended.needs_write };
      }
    }

    // Mail flags: reply-all, forward, keep as a draft.
    const forward = FORWARD.test(instruction) && !tools.includes(lex.calendar);
    const replyAll = REPLY_ALL.test(raw);
    // "what's in my drafts folder" asks about drafts; it does not make one.
    const saveDraft = SAVE_AS_DRAFT.test(raw) && !entities.operation && !isQuestion;
    if (forward || replyAll) {
      if (!explicitChat) tools = [lex.mail];
      action = forward ? 'send' : 'reply';
      if (forward) entities.forward = true;
      if (replyAll) entities.reply_all = true;
    }
    if (saveDraft && (tools.length === 0 || tools.includes(lex.mail) || action === 'reply' || action === 'send')) {
      if (!explicitChat) tools = [lex.mail];
      action = 'draft';
      entities.save_as_draft = true;
    }

    // Questions about the mailbox ("who wrote me most this week", "did Sam reply?"); "did anyone reply in
    // #deals" is a chat read.
    const rsvpQuestion =
      tools.length === 1 && tools[0] === lex.calendar && /\binvit(?:e|ation)s?\b/i.test(instruction) && RSVP_OWN.test(instruction);
    const analysis = (!WRITE_ACTIONS.has(action) || isQuestion) && !explicitChat && !rsvpQuestion ? mailAnalysis(instruction) : undefined;
    if (analysis) {
      entities.analysis = analysis;
      if (!explicitChat) tools = [lex.mail];
      action = 'read';
    }

    // A contact is a person even after "the contract from …".
    const orgSaid = findOrganization(instruction);
    const organization = orgSaid && contactsMatching(orgSaid, contacts).length === 0 ? orgSaid : undefined;
    if (organization) {
      entities.organization = organization;
      if (tools.length === 0 || (!explicitChat && tools.includes(lex.chat) && tools.includes(lex.mail) && !RE.message.test(instruction)))
        tools = [lex.mail];
      if (action === 'unknown') action = detectAction(instruction, tools);
    }

    // Pointing back ("that one", "the second email", "and tomorrow?") inherits what the last request was about.
    const ordinal = findOrdinal(instruction);
    if (ordinal !== undefined) entities.ordinal = ordinal;
    // "summarize the one from Priya" after a list of emails: the list, not a guess, says where to look.
    const namedService = [RE.chat, RE.mail, RE.mailWeak, RE.calendar, RE.message].some((re) => re.test(instruction));
    if (!namedService && !entities.operation && (refersBack || ordinal !== undefined) && tools.length > 0) {
      const p = prev();
      if (p && p.tools.length > 0) {
        tools = p.tools;
        action = detectAction(instruction, tools);
      }
    }
    // "reply to priya congrats" right after a chat read answers there: a reply follows the conversation's service.
    if (
      tools.length === 1 &&
      tools[0] === lex.mail &&
      !RE.mail.test(instruction) &&
      !explicitChat &&
      (action === 'reply' || action === 'summarize') &&
      prev()?.tools.length === 1 &&
      prev()?.tools[0] === lex.chat &&
      repliesToLastAnswer(instruction, ctx, contacts)
    )
      tools = [lex.chat];
    // "tell her thursday works" right after her email was read: the answer goes back on that thread.
    if (
      tools.length === 1 &&
      tools[0] === lex.mail &&
      action === 'send' &&
      message !== undefined &&
      !forward &&
      /^(?:tell|let|ask)\b/i.test(instruction) &&
      (mentionsPersonPronoun(instruction, lex) || findPeople(instruction, contacts, lex).length > 0) &&
      prev()?.tools.includes(lex.mail) &&
      !prev()?.needs_write &&
      repliesToLastAnswer(instruction, ctx, contacts)
    )
      action = 'reply';
    // "what about jordan" right after "did sam reply": the same question about someone else.
    if (continuation && /^(?:what|how) about\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?\s*\??$/i.test(raw)) {
      const p = prev();
      if (p?.entities.analysis) {
        tools = p.tools;
        action = p.action;
        entities.analysis = p.entities.analysis;
      }
    }
    // "what about on <chat>" after a mail search: the same read, on the service now named.
    let carriedQuery: string | undefined;
    if (continuation && tools.length > 0 && /^(?:(?:what|how) about\s+)?(?:on|in|over)\s+[\w#-]+\s*\??$/i.test(raw)) {
      const p = prev();
      if (p && !p.needs_write && p.tools.some((t) => !tools.includes(t))) {
        action = p.action;
        carriedQuery = p.entities.query;
      }
    }
    // "do that again for friday", "same question for tomorrow": the last request again, at another time.
    const repeats = REPEAT.test(raw);
    let inheritedChannel: string | undefined;
    if ((action === 'unknown' || tools.length === 0) && message === undefined) {
      const p =
        repeats ||
        continuation ||
        refersBack ||
        ordinal !== undefined ||
        ACTION_RE.summarize.test(instruction) ||
        /^(?:what about|how about|tomorrow|today|friday|monday|tuesday|wednesday|thursday|next|yesterday|this)\b/i.test(raw) ||
        // "more about the deals one", "what did she say about the lease": more of what was just read.
        /^(?:(?:tell me )?more\b|details\b|go on\b|expand on\b)|\b(?:did|does|has|have|was|were|is)\s+(?:she|he|they)\b/i.test(raw)
          ? prev()
          : undefined;
      if (p && p.tools.length > 0) {
        tools = p.tools;
        const own = detectAction(instruction, tools);
        // "summarize the second one" says its own action; "and tomorrow?" repeats the last read.
        // "and the first one?" after a summary summarizes that one too.
        if (repeats) {
          action = p.action;
          if (p.entities.operation && p.entities.operation !== 'create') entities.operation = p.entities.operation;
        } else if (refersBack || ordinal !== undefined) action = continuation && own === 'read' && !p.needs_write ? p.action : own;
        else action = p.needs_write ? 'read' : own !== 'read' ? own : p.action;
        if (p.entities.chat_scope && tools.includes(lex.chat) && !findChannel(instruction)) entities.chat_scope = p.entities.chat_scope;
        // "tl;dr the whole thing" after a channel was read: that channel.
        if (p.entities.channel && tools.includes(lex.chat) && !findChannel(instruction)) inheritedChannel = p.entities.channel;
      }
    }

    // People come from the instruction: in "tell Sam that Dana agreed", Dana is content, not a recipient.
    let people = findPeople(instruction, contacts, lex);
    const didReply =
      /\b(?:did|has|have|had|didn't|hasn't)\s+([a-z][\w'-]*)\s+(?:ever\s+|already\s+|yet\s+)?(?:reply|replied|respond|responded|answer|answered|get back|got back|gotten back|write back|wrote back)\b/i.exec(
        instruction,
      ) ??
      /^([a-z][\w'-]*)\s+(?:has\s+|have\s+)?(?:replied|responded|answered|got back|gotten back|wrote back|written back)\b/i.exec(
        instruction,
      );
    if (didReply?.[1] && !/^(?:she|he|they|i|you|we|anyone|anybody|someone|everyone|it|the|legal|finance)$/i.test(didReply[1])) {
      const who = didReply[1]
        .split(/\s+/)
        .map((w) => (w[0] ?? '').toUpperCase() + w.slice(1))
        .join(' ');
      if (!people.some((p) => p.toLowerCase() === who.toLowerCase())) people = [who, ...people];
    }
    if (organization)
      people = people.filter(
        (p) => p.toLowerCase() !== organization.toLowerCase() && !organization.toLowerCase().startsWith(p.toLowerCase()),
      );
    if (people.length === 0 && (mentionsPersonPronoun(instruction, lex) || /\b(?:did|has)\s+(?:she|he|they)\b/i.test(instruction))) {
      const last = lastMentionedPerson(ctx.history, contacts, lex, ctx.self);
      if (last) people = [last];
    }

    // A forward goes to the people after "to"; whose message it is, is the sender.
    if (entities.forward) {
      const src =
        /\b(?:from|by)\s+([A-Za-z][\w'-]*)/.exec(instruction) ??
        /\b([A-Za-z][\w-]*)'s\s+(?:last\s+|latest\s+)?(?:e-?mail|message|note|reply|invoice|thread)/i.exec(instruction);
      const sender =
        src?.[1] &&
        people.find((p) => p.toLowerCase() === src[1]!.toLowerCase() || p.toLowerCase().startsWith(`${src[1]!.toLowerCase()} `));
      if (sender) {
        entities.sender = sender;
        people = people.filter((p) => p !== sender);
      }
    }

    const emails = new Set(findEmails(instruction));
    for (const p of people) {
      const c = contactFor(p, contacts);
      if (c) emails.add(c.email.toLowerCase());
    }
    entities.people = people;
    entities.emails = [...emails];

    const isSchedule = action === 'schedule';
    if (isSchedule && entities.operation) {
      const p = entities.operation === 'move' ? prev() : undefined;
      const anchor = civilDayOf(p?.entities.start ?? p?.entities.time_range?.start, tz) ?? lastSaidDay(ctx, tz);
      if (entities.operation === 'move') {
        const mv = resolveMove(instruction, ctx, tz, anchor);
        if (mv.to) entities.start = toRfc3339(mv.to, tz);
        if (mv.from) entities.time_range = { start: toRfc3339(mv.from.start, tz), end: toRfc3339(mv.from.end, tz) };
      } else {
        const w = resolveWhen(instruction, ctx.now, tz, { future: true, defaultSlotMinutes: 60 });
        if (w.range) entities.time_range = { start: toRfc3339(w.range.start, tz), end: toRfc3339(w.range.end, tz) };
      }
    } else if (isSchedule) {
      const when = resolveWhen(instruction, ctx.now, tz, { future: true, defaultSlotMinutes: 60 });
      entities.operation = 'create';
      if (when.start) entities.start = toRfc3339(when.start, tz);
      // A meeting with no length said lasts the person's default, or the common half hour.
      entities.duration_minutes = when.duration_minutes ?? ctx.defaultMeetingMinutes ?? 30;
      if (!when.start && when.range) entities.time_range = { start: toRfc3339(when.range.start, tz), end: toRfc3339(when.range.end, tz) };
    } else {
      const when = resolveWhen(instruction, ctx.now, tz, { future: WRITE_ACTIONS.has(action), defaultSlotMinutes: 60 });
      if (when.range) entities.time_range = { start: toRfc3339(when.range.start, tz), end: toRfc3339(when.range.end, tz) };
      if (when.duration_minutes !== undefined) entities.duration_minutes = when.duration_minutes;
    }

    const subject = findSubject(instruction);
    if (subject && !(organization && subject.toLowerCase() === organization.toLowerCase())) entities.subject = subject;
    // "cancel the Northwind NDA review": the event a change means, by its name.
    if (entities.operation && entities.operation !== 'create' && !entities.subject && !entities.query) {
      const name = eventNameOf(instruction, entities.people);
      if (name) entities.subject = name;
    }
    if (message) entities.message = message;
    const channel = findChannel(instruction) ?? inheritedChannel;
    if (channel && tools.includes(lex.chat)) entities.channel = channel;
    const count = findCount(instruction);
    if (count !== undefined) entities.count = count;
    const searchWords = findSearchWords(instruction);
    if (!WRITE_ACTIONS.has(action) && (tools.includes(lex.mail) || tools.includes(lex.chat))) {
      const q = searchWords ?? subject ?? docWord(instruction, organization) ?? carriedQuery;
      if (q) entities.query = q;
    }

    if (tools.includes(lex.chat) && !entities.channel) {
      const scope = chatScope(instruction, action, entities);
      if (scope) entities.chat_scope = scope;
      else delete entities.chat_scope;
    }

    // A kind no provider registered is never a tool.
    const kept = tools.filter((t) => lex.order.includes(t));
    if (kept.length !== tools.length) {
      tools = kept;
      if (kept.length === 0) action = 'unknown';
    }
    return { tools, action, entities, needs_write: WRITE_ACTIONS.has(action) };
  }

  /** A reply that names nobody, or only people the assistant's last answer mentioned. */
  function repliesToLastAnswer(instruction: string, ctx: IntentContext, contacts: Contact[]): boolean {
    const last =
      [...ctx.history]
        .reverse()
        .find((t) => t.role === 'assistant')
        ?.text.toLowerCase() ?? '';
    return findPeople(instruction, contacts, lex).every((p) => last.includes((p.split(/\s+/)[0] ?? p).toLowerCase()));
  }

  /** "the invoice from Acme" searches for "invoice" from Acme. */
  function docWord(instruction: string, organization: string | undefined): string | undefined {
    if (!organization) return undefined;
    const m =
      /\b(?:the|an?|my|any|their|latest|last)\s+(?:latest\s+|last\s+|new\s+)?(invoices?|receipts?|bills?|statements?|quotes?|orders?|contracts?|proposals?|newsletters?|renewals?|payments?|offers?|tickets?|reminders?|notices?|letters?|confirmation)\b/i.exec(
        instruction,
      );
    return m?.[1]?.toLowerCase().replace(/s$/, '');
  }

  function chatScope(instruction: string, action: IntentAction, e: Intent['entities']): Intent['entities']['chat_scope'] {
    if (/\bdms?\b|\bdirect messages?\b|\bprivate messages?\b|\bdm'?d\b/i.test(instruction)) return 'dm';
    if (WRITE_ACTIONS.has(action)) return e.people.length > 0 ? 'dm' : undefined;
    if (e.query || e.people.length > 0 || /\b(?:search|mention|look for|find|brought up|bring up|raised)\b/i.test(instruction))
      return 'search';
    return 'catch_up';
  }

  /** The day the assistant's last answer was about ("Your 1:1 with Sam is tomorrow at 2"). */
  function lastSaidDay(ctx: IntentContext, tz: string): CivilDate | undefined {
    for (let i = ctx.history.length - 1; i >= 0; i--) {
      const t = ctx.history[i];
      if (!t) continue;
      const w = resolveWhen(t.text, ctx.now, tz);
      if (w.day) return w.day;
    }
    return undefined;
  }

  const EVENT_NAME_NOISE =
    /^(?:the|my|our|a|an|this|that|it|meeting|meetings|event|events|invite|invites|invitation|call|with|and|to|for|from|on|at|in|today|tonight|tomorrow|next|this|week|morning|afternoon|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday|please|instead|back|up|off|one|\d{1,2}(?::\d{2})?(?:am|pm)?|am|pm|noon|o'clock)$/i;

  /** The name of the event a change is about, without the verb, times, days, people and filler words. */
  function eventNameOf(instruction: string, people: readonly string[]): string | undefined {
    const m = /\b(?:move|moving|reschedule|push|pull|shift|cancel|call off|delete|drop|decline|accept)\s+(.+)$/i.exec(instruction);
    if (!m?.[1]) return undefined;
    // What follows "to 4pm" / "until Friday" is the new time, not the name.
    const said = m[1].replace(/\s+(?:to|until|till|by)\s+.*$/i, '').replace(/[.!?,]+/g, ' ');
    const names = new Set(people.flatMap((p) => p.toLowerCase().split(/\s+/)));
    const words = said.split(/\s+/).filter((w) => w && !EVENT_NAME_NOISE.test(w) && !names.has(w.toLowerCase()));
    return words.some((w) => /\p{L}{3,}|\d:\d/u.test(w)) ? words.join(' ') : undefined;
  }

  function parseIntent(text: string, ctx: IntentContext): Intent & { pending_outcome?: PendingOutcome } {
    if (ctx.pending) {
      const filled = fillPending(text, ctx, (t, c) => parseFresh(t, { ...c, history: [] }), lex);
      if (filled) return filled;
      return { ...parseFresh(text, { ...ctx, pending: undefined }), pending_outcome: 'replaced' };
    }
    // No state carried, but the assistant just asked for a slot: the answer may still fill it. An answer
    // that does not supply the slot is read as a request of its own, since the question was only inferred.
    const inferred = inferPending(ctx, () => previousIntent(ctx), lex);
    if (inferred) {
      const filled = fillPending(text, { ...ctx, pending: inferred }, (t, c) => parseFresh(t, { ...c, history: [] }), lex);
      if (filled && filled.pending_outcome !== 'unfilled') return filled;
    }
    return parseFresh(text, ctx);
  }

  /** The rules decided this is not a request for them (a remark, a question outside mail/calendar/chat). */
  function ruledOut(text: string): boolean {
    const { text: raw } = cleanUtterance(text);
    return REMARK.test(raw) || OUT_OF_SCOPE.test(raw) || DEVICE_COMMAND.test(raw) || SPELLING.test(raw);
  }

  return { parseIntent, ruledOut };
}

const shipped = createOfflineParser(SHIPPED_LEXICON);

/** Whether the shipped rules decided on purpose that a request is none of theirs (the learned fallback then keeps out). */
export function ruledOut(text: string): boolean {
  return shipped.ruledOut(text);
}

/** The shipped providers' parser. */
export function parseIntent(text: string, ctx: IntentContext): Parsed {
  return shipped.parseIntent(text, ctx);
}

/**
 * The rules, with the learned fallback (fallback.ts) stepping in where its cross-validated policy says:
 * on requests the rules leave unknown without having ruled them out, or contradict with high confidence
 * (bench/intent-fallback.ts).
 */
export class OfflineIntentEngine implements IntentEngine {
  readonly name = 'offline' as const;
  private readonly parser: OfflineParser;
  private readonly lex: IntentLexicon;
  private readonly fallback: FallbackModel | null;

  /**
   * `contracts`: the registry's (`registry.catalog.contracts`), so a registered provider's words are understood.
   * `fallback`: the learned model (default the shipped one; `null`: the rules alone).
   */
  constructor(opts: { contracts?: readonly ProviderContract[]; fallback?: FallbackModel | null } = {}) {
    this.lex = opts.contracts ? intentLexicon(opts.contracts) : SHIPPED_LEXICON;
    this.parser = opts.contracts ? createOfflineParser(this.lex) : shipped;
    this.fallback = opts.fallback === undefined ? SHIPPED_FALLBACK : opts.fallback;
  }

  async analyze(text: string, ctx: IntentContext): Promise<AnalyzedIntent> {
    const rules = this.parser.parseIntent(text, ctx);
    // A remark or an out-of-scope question is a decision of the rules, not a gap for the model to fill.
    const decided = rules.action === 'unknown' && this.parser.ruledOut(text);
    return { ...(this.fallback && !decided ? combineWithFallback(rules, text, ctx, this.fallback, this.lex) : rules), engine: 'offline' };
  }
}
