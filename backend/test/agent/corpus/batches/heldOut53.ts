import type { CorpusCase } from '../types.js';

/** An IT admin / helpdesk lead: vendor and licence mail, outage notices, maintenance windows and change reviews on the
 * calendar, #it-help / #ops / #announcements on Slack, users asking for help; technical words must not steer the service. */
export const HELD_OUT_53: CorpusCase[] = [
  // calendar reads
  { category: 'calendar-read', text: "when's the firewall maintenance window again", tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'am I free thursday at 2 or is that when the CAB meets', tools: ['calendar'], action: 'read' },
  {
    category: 'calendar-read',
    text: "what's friday afternoon look like, trying to figure out if I can do the patch rollout then",
    tools: ['calendar'],
    action: 'read',
  },
  {
    category: 'calendar-read',
    text: 'do i have anything that clashes with the 6pm maintenance window tonight',
    tools: ['calendar'],
    action: 'read',
  },
  { category: 'calendar-read', text: 'hey when is my next one on one with priya', tools: ['calendar'], action: 'read' },
  // calendar creates
  {
    category: 'calendar-create',
    text: 'block 10pm to midnight saturday for the exchange server patching',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'set up a change review with jordan and sam tomorrow at 3, make it 45 minutes',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'Put the Okta SSO cutover on my calendar for June 18th, 6 to 8am',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'find 30 minutes with dana next week to go over the licence renewal and book it',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'um schedule a laptop refresh session for the design team monday at 10 in the training room',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: "stick 'renew the ssl cert' on my calendar friday at 4 so I don't forget",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  // calendar changes
  {
    category: 'calendar-change',
    text: 'push the server room walkthrough to next tuesday',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: "cancel tonight's maintenance window, the vendor postponed on us",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: 'decline the vendor demo invite from the firewall people',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'decline' },
  },
  {
    category: 'calendar-change',
    text: "accept maya's invite for the acme onboarding call",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'accept' },
  },
  {
    category: 'calendar-change',
    text: 'can you bring the patch tuesday review forward to 9 tomorrow',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },

  // mail reads
  { category: 'mail-read', text: 'did the microsoft licence renewal invoice come in yet', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'any emails from the ISP about the outage this morning?', tools: ['gmail'], action: 'read' },
  {
    category: 'mail-read',
    text: 'find the email from dell with the tracking number for the laptop shipment',
    tools: ['gmail'],
    action: 'read',
  },
  { category: 'mail-read', text: 'show me unread mail sent to the helpdesk alias', tools: ['gmail'], action: 'read' },
  {
    category: 'mail-read',
    text: "who's emailed me the most this week, i swear it's all password reset requests",
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'top_senders' },
  },
  {
    category: 'mail-read',
    text: 'has the cisco rep replied to my email about the switch firmware yet',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  // mail understanding
  { category: 'mail-understand', text: 'summarize the crowdstrike advisory email', tools: ['gmail'], action: 'summarize' },
  {
    category: 'mail-understand',
    text: "what's the gist of the email thread with the acme folks about the SSO migration",
    tools: ['gmail'],
    action: 'summarize',
  },
  { category: 'mail-understand', text: 'tl;dr the zoom licensing email legal sent', tools: ['gmail'], action: 'summarize' },
  {
    category: 'mail-understand',
    text: "catch me up on my inbox, I've been stuck in the server room all morning",
    tools: ['gmail'],
    action: 'summarize',
  },
  {
    category: 'mail-understand',
    text: "give me the short version of dana's email about the support contract",
    tools: ['gmail'],
    action: 'summarize',
  },
  // mail writes
  {
    category: 'mail-write',
    text: 'email all-staff that the wifi will be down saturday from 8 to 10am for the access point upgrade',
    tools: ['gmail'],
    action: 'send',
  },
  { category: 'mail-write', text: 'reply to dana and tell her the quote for 40 new laptops looks fine', tools: ['gmail'], action: 'reply' },
  {
    category: 'mail-write',
    text: 'reply all to the outage email saying service is restored and we’ll send a post-mortem friday',
    tools: ['gmail'],
    action: 'reply',
    entities: { reply_all: true },
  },
  {
    category: 'mail-write',
    text: 'forward the adobe renewal email to priya',
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'mail-write',
    text: "draft an email to the hosting vendor asking for a credit for yesterday's three hour downtime, don't send it yet",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: "write back to maya that we'll need admin access to the acme tenant by friday",
    tools: ['gmail'],
    action: 'reply',
  },
  { category: 'mail-write', text: 'let jordan know his new laptop is ready for pickup at the helpdesk', tools: ['gmail'], action: 'send' },
  {
    category: 'mail-write',
    text: 'forward that phishing email from this morning to the security team but leave it in drafts, I want to add notes first',
    tools: ['gmail'],
    action: 'draft',
    entities: { forward: true, save_as_draft: true },
  },

  // slack reads
  { category: 'slack-read', text: "what's new in #it-help", tools: ['slack'], action: 'read', entities: { channel: 'it-help' } },
  { category: 'slack-read', text: 'anything posted in #ops overnight?', tools: ['slack'], action: 'read', entities: { channel: 'ops' } },
  {
    category: 'slack-read',
    text: 'search slack for anyone complaining about the printer on the 4th floor',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },
  {
    category: 'slack-read',
    text: 'any slack DMs? people keep messaging me about the vpn',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'dm' },
  },
  {
    category: 'slack-read',
    text: 'catch me up on slack real quick',
    tools: ['slack'],
    action: 'summarize',
    entities: { chat_scope: 'catch_up' },
  },
  {
    category: 'slack-read',
    text: 'sum up #announcements from this week',
    tools: ['slack'],
    action: 'summarize',
    entities: { channel: 'announcements' },
  },
  // slack writes
  {
    category: 'slack-write',
    text: 'post in #announcements that email will be slow tonight during the mailbox migration',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'announcements' },
  },
  { category: 'slack-write', text: 'ping jordan on slack and ask if he rebooted the switch', tools: ['slack'], action: 'post' },
  { category: 'slack-write', text: 'slack maya the link to the SSO setup guide', tools: ['slack'], action: 'post' },
  {
    category: 'slack-write',
    text: 'tell #it-help the password reset portal is back up',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'it-help' },
  },
  { category: 'slack-write', text: "dm priya that her ticket's been escalated to the vendor", tools: ['slack'], action: 'post' },
  {
    category: 'slack-write',
    text: 'reply in the thread in #ops saying the patch got rolled back',
    tools: ['slack'],
    action: 'reply',
    entities: { channel: 'ops' },
  },
  {
    category: 'slack-write',
    text: 'Message #eng: staging VPN gateway is down for about 20 min',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'eng' },
  },

  // multi-service
  {
    category: 'multi',
    text: 'check my calendar and inbox for anything about the datacenter move',
    tools: ['calendar', 'gmail'],
    action: 'read',
  },
  { category: 'multi', text: 'has sam sent me anything about the laptop order', tools: ['gmail', 'slack'], action: 'read' },
  {
    category: 'multi',
    text: 'what did I miss on slack and email while I was in the change review',
    tools: ['gmail', 'slack'],
    action: 'summarize',
  },
  { category: 'multi', text: 'what did jordan say about the firewall rules?', tools: ['gmail', 'slack'], action: 'read' },

  // follow-ups
  {
    category: 'follow-up',
    text: 'forward the dell one to sam',
    history: [
      { role: 'user', text: 'any new emails from vendors' },
      { role: 'assistant', text: '1. Okta about your SSO renewal. 2. Dell about the laptop shipment. 3. Cisco about a firmware advisory.' },
    ],
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'follow-up',
    text: 'drop the vendor call, they rescheduled by email',
    history: [
      { role: 'user', text: "what's on friday" },
      { role: 'assistant', text: 'Friday you have the change advisory board at 10am and a vendor call with Acme at 2pm.' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'follow-up',
    text: 'write back saying monday works for the replacement',
    history: [
      { role: 'user', text: 'read me the latest email from maya' },
      { role: 'assistant', text: 'Maya Chen wrote: "Our conference room display died again. When can your team swap it out?"' },
    ],
    tools: ['gmail'],
    action: 'reply',
  },
  {
    category: 'follow-up',
    text: "that the new monitors arrive thursday and I'll set them up after lunch",
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Priya'], emails: ['priya@example.com'] }, missing: 'message' },
    tools: ['gmail'],
    action: 'send',
  },
  {
    category: 'follow-up',
    text: 'heads up, rebooting the core switch at noon, expect a blip',
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [], channel: 'ops' }, missing: 'message' },
    tools: ['slack'],
    action: 'post',
  },
  {
    category: 'follow-up',
    text: 'never mind, she fixed it herself',
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Dana'], emails: ['dana@northwind.io'] }, missing: 'message' },
    tools: [],
    action: 'unknown',
  },

  // memory and other
  {
    category: 'remember',
    text: 'remember that our microsoft licence renews on august 1st',
    tools: [],
    action: 'unknown',
    entities: { remember: 'our microsoft licence renews on august 1st' },
  },
  { category: 'other', text: "can you reset jordan's okta password", tools: [], action: 'unknown' },
];
