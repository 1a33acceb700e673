import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toReplyContext } from '../../src/agent/contextView.js';
import type { Intent } from '../../src/agent/intent/schema.js';
import { rememberedExchange } from '../../src/agent/memory/exchange.js';
import { missingSlot } from '../../src/agent/openQuestion.js';
import { helpAnswer } from '../../src/agent/reply/help.js';
import { offlineReply } from '../../src/agent/reply/offline.js';
import { replySystemInstruction } from '../../src/agent/reply/gemini.js';
import type { ReplyInput } from '../../src/agent/reply/context.js';
import { writeRefs } from '../../src/agent/write.js';
import { describeAuditEntry } from '../../src/audit/describe.js';
import { assertNoSecrets, AuditSecretError, createAuditTrail, createSecretScanner, InMemoryAuditStore } from '../../src/audit/index.js';
import type { ProviderTokenSource } from '../../src/auth/tokenSource.js';
import { actionFromDraft } from '../../src/policy/action.js';
import { evaluatePolicy } from '../../src/policy/index.js';
import { ActionStatus, DraftKind, Provider, SHIPPED_CATALOG, Tool } from '../../src/protocol/index.js';
import { createProviderRegistry } from '../../src/providers/registry.js';
import { notesModule } from './fixtures/notes/module.js';
import { conditionLabels, describeRule } from '../../../renderer/src/components/ruleWording.js';

/**
 * A fourth provider that ships nowhere: one folder (`fixtures/notes/`) and one registration line
 * below. Its draft is validated, scored, described for the audit log and written to a real local
 * HTTP server through the same call policy as the shipped providers.
 */
const registry = createProviderRegistry({ extra: [notesModule] });

interface Received {
  auth: string | undefined;
  body: unknown;
}

const received: Received[] = [];
const NOTEBOOK = [
  { title: 'Board prep', body: 'Numbers for Thursday' },
  { title: 'Board dinner', body: 'Table for eight' },
  { title: 'Groceries', body: 'Milk' },
];
let server: Server;
let notesApiUrl: string;

const readBody = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
};

beforeAll(async () => {
  server = createServer((req, res) => {
    void (async () => {
      if (req.method === 'GET' && req.url?.startsWith('/v1/notes?')) {
        if (req.headers.authorization !== 'Bearer notes-token') return void res.writeHead(401).end();
        const q = new URL(req.url, 'http://notes').searchParams.get('q') ?? '';
        const notes = NOTEBOOK.filter((n) => `${n.title} ${n.body}`.toLowerCase().includes(q.toLowerCase()));
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ notes }));
      }
      if (req.method !== 'POST' || req.url !== '/v1/notes') return void res.writeHead(404).end();
      if (req.headers.authorization !== 'Bearer notes-token') return void res.writeHead(401).end();
      received.push({ auth: req.headers.authorization, body: await readBody(req) });
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `note-${received.length}` }));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  notesApiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const tokenRequests: Array<{ connection: string; scopes: readonly string[] }> = [];
const tokenSource: ProviderTokenSource = {
  async getAccessToken(req) {
    tokenRequests.push({ connection: req.connection, scopes: req.scopes });
    return { accessToken: 'notes-token', scopes: [...req.scopes], expiresAt: Date.now() + 60_000 };
  },
  invalidate() {},
};

const draft = {
  kind: 'note',
  fields: { title: 'Board prep', body: 'Numbers for Thursday', shared_with: ['dana@northwind.io', 'sam@northwind.io', 'lee@acme.test'] },
};

describe('a provider registered only in tests', () => {
  it('ships nowhere: the protocol enums do not know it', () => {
    expect(Provider.options).not.toContain('notes');
    expect(Tool.options).not.toContain('notes');
    expect(DraftKind.options).not.toContain('note');
    expect(ActionStatus.options).not.toContain('saved');
    expect(registry.catalog.toolNames).toContain('notes');
  });

  it('validates edits against its own schema', () => {
    expect(registry.applyEdits('note', draft.fields, { title: 'Board prep v2' })).toEqual({
      ok: true,
      fields: { ...draft.fields, title: 'Board prep v2' },
    });
    expect(registry.applyEdits('note', draft.fields, { title: '' })).toEqual({ ok: false, message: expect.stringMatching(/^title: /) });
    expect(registry.applyEdits('note', draft.fields, { shared_with: ['not an address'] })).toMatchObject({ ok: false });
  });

  it('is scored by the policy engine from its own action mapping', () => {
    const shared = actionFromDraft(draft, {}, registry);
    expect(shared).toMatchObject({ tool: 'notes', action: 'send', recipients: draft.fields.shared_with, title: 'Board prep' });
    const decision = evaluatePolicy(shared, {
      user: 'auth0|alex',
      userDomain: 'example.com',
      rules: [],
      activePreauthorizations: [],
      now: Date.now(),
      tools: registry.catalog.toolNames,
    });
    // send (20) + cannot be unsent (25) + three people, all outside example.com (2 + 8).
    expect(decision.factors.map((f) => f.points)).toEqual([20, 25, 10, 0]);
    expect(decision.level).toBe('step_up');

    const privateNote = actionFromDraft({ ...draft, fields: { ...draft.fields, shared_with: [] } }, {}, registry);
    expect(
      evaluatePolicy(privateNote, {
        user: 'auth0|alex',
        userDomain: 'example.com',
        rules: [],
        activePreauthorizations: [],
        now: Date.now(),
        tools: registry.catalog.toolNames,
      }).level,
    ).toBe('auto');
  });

  it('is refused by the shipped policy, which does not know the tool', () => {
    expect(() => actionFromDraft(draft)).toThrow();
    expect(() =>
      evaluatePolicy(
        { tool: 'notes', action: 'send' },
        { user: 'auth0|alex', userDomain: 'example.com', rules: [], activePreauthorizations: [], now: Date.now() },
      ),
    ).toThrow();
  });

  it('is described in the activity log with its own noun', () => {
    expect(describeAuditEntry({ kind: 'write', data: { kind: 'note', status: 'saved', ref: 'note-1' } }, registry.catalog)).toBe(
      'Note saved',
    );
    expect(describeAuditEntry({ kind: 'write', data: { kind: 'note', status: 'failed', code: 'RATE_LIMITED' } }, registry.catalog)).toBe(
      'A note failed (RATE_LIMITED)',
    );
  });

  it('executes against its API over a real socket, with a token for its own connection and scope', async () => {
    const tools = registry.createTools({
      tokenSource,
      // The shipped providers are built too; nothing is called on them here.
      urls: { googleRootUrl: 'http://127.0.0.1:9/', slackApiUrl: 'http://127.0.0.1:9/api/', notesApiUrl },
    });
    const result = await registry.execute(tools, { userId: 'auth0|alex', subjectToken: 'subject' }, draft);
    expect(result).toEqual({ ok: true, status: 'saved', ref: 'note-1' });
    expect(received).toEqual([{ auth: 'Bearer notes-token', body: draft.fields }]);
    expect(tokenRequests).toEqual([{ connection: 'notes-oauth2', scopes: ['notes.write'] }]);
    expect(registry.providerOfDraft('note')).toBe('notes');
  });

  it('reports a rejected token as a typed failure, like every provider', async () => {
    const tools = registry.createTools({
      tokenSource: {
        ...tokenSource,
        getAccessToken: async (req) => ({ accessToken: 'stale', scopes: [...req.scopes], expiresAt: Date.now() + 60_000 }),
      },
      urls: { googleRootUrl: 'http://127.0.0.1:9/', slackApiUrl: 'http://127.0.0.1:9/api/', notesApiUrl },
    });
    const result = await registry.execute(tools, { userId: 'auth0|alex', subjectToken: 'subject' }, draft);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'TOKEN_EXCHANGE_FAILED',
        provider: 'notes',
        httpStatus: 401,
        message: "Notes rejected Vouch's access twice. Reconnect the account to continue.",
      },
    });
  });
});

/** The intent a request about notes has (the shipped intent schema does not know the tool). */
const aboutNotes = (extra: Partial<Intent> = {}): Intent =>
  ({
    tools: ['notes'],
    action: 'read',
    entities: { people: [], emails: [], query: 'board' },
    needs_write: false,
    ...extra,
  }) as unknown as Intent;

const replyInput = (intent: Intent, context: ReplyInput['context']): ReplyInput => ({
  transcript: 'what are my notes about the board',
  intent,
  context,
  memory: [],
  timezone: 'UTC',
  now: new Date('2026-11-26T12:00:00Z'),
});

describe('a provider registered only in tests, in what Vouch says', () => {
  it('is offered in the help answers from its contract', () => {
    const unknown = aboutNotes({ tools: [], action: 'unknown' } as Partial<Intent>);
    expect(offlineReply(replyInput(unknown, {}), registry)).toEqual([
      'I can help with your email, calendar, Slack and notes.',
      'Try “what’s on my calendar tomorrow” or “reply to Dana that Thursday works” or “find my notes about the board”.',
    ]);
    expect(helpAnswer(registry.catalog)).toBe(
      'I can read and summarize your email, check your calendar, look at Slack, look through your notes, and draft replies, events, posts, direct messages and shared notes for you to confirm. What would you like?',
    );
    // The shipped registry does not offer it, and says what it always said.
    expect(offlineReply(replyInput(unknown, {}))[0]).toBe('I can help with your email, calendar and Slack.');
    expect(helpAnswer(SHIPPED_CATALOG)).toBe(
      'I can read and summarize your email, check your calendar, look at Slack, and draft replies, events, posts and direct messages for you to confirm. What would you like?',
    );
    expect(replySystemInstruction(replyInput(unknown, {}), registry)).toMatch(/for Gmail, Google Calendar, Slack and Notes\./);
    expect(replySystemInstruction(replyInput(unknown, {}), registry)).toContain('Name notes by their title (notebook[].title).');
  });

  it('reads over a real socket and is answered by its own reply part, and remembered in its own words', async () => {
    const tools = registry.createTools({
      tokenSource,
      urls: { googleRootUrl: 'http://127.0.0.1:9/', slackApiUrl: 'http://127.0.0.1:9/api/', notesApiUrl },
    });
    const intent = aboutNotes();
    const read = await registry.fetchContext(tools, { userId: 'auth0|alex', subjectToken: 'subject' }, intent, 'UTC', new Date());
    expect(read.failures).toEqual([]);
    const context = toReplyContext(read as never, registry);
    expect(context.notebook).toEqual([
      { title: 'Board prep', snippet: 'Numbers for Thursday' },
      { title: 'Board dinner', snippet: 'Table for eight' },
    ]);
    expect(offlineReply(replyInput(intent, context), registry)).toEqual([
      'You have two notes about board: “Board prep” and “Board dinner”.',
    ]);
    expect(rememberedExchange('what are my notes about the board', intent, read as never, registry)).toBe(
      'Asked: what are my notes about the board\nDid: read your notes (2 notes)',
    );
  });

  it('says a failed read with the name its contract gives the tool', () => {
    const context = { errors: [{ tool: 'notes', message: 'down', code: 'PROVIDER_UNAVAILABLE' }] } as never;
    expect(offlineReply(replyInput(aboutNotes(), context), registry)).toEqual(["I couldn't reach your notebook just now."]);
  });

  it('asks "who?" for a note nobody was named for: its tool writes to people', () => {
    const write = aboutNotes({ action: 'send', needs_write: true, entities: { people: [], emails: [] } } as Partial<Intent>);
    expect(missingSlot(write, 'Who should I share it with?', registry.catalog)).toBe('recipient');
  });

  it('has its credential format withheld by the audit trail, and refused by the chain check', async () => {
    const token = 'ntk_AbCdEf0123456789XYZ';
    const store = new InMemoryAuditStore({ key: new Uint8Array(32).fill(7) });
    await createAuditTrail(store, undefined, registry.catalog).note('auth0|alex', { kind: 'error', data: { detail: `got ${token}` } });
    // The shipped trail does not know the format: only the registered contract makes it a secret.
    await createAuditTrail(store).note('auth0|bo', { kind: 'error', data: { detail: `got ${token}` } });
    const [withheld] = (await store.page('auth0|alex')).entries;
    expect(withheld?.data).toEqual({ detail: '[withheld: looks like a Notes token]', withheld: ['data.detail: looks like a Notes token'] });
    expect(JSON.stringify(withheld)).not.toContain(token);
    expect((await store.page('auth0|bo')).entries[0]?.data).toEqual({ detail: `got ${token}` });
    expect(() => assertNoSecrets({ detail: token }, 'data', createSecretScanner(registry.catalog.secretPatterns()))).toThrow(
      AuditSecretError,
    );
  });

  it('records whom a note reached from the fields its contract names', () => {
    expect(writeRefs({ id: 'd-1', ...draft }, registry.catalog)).toEqual({ draft_id: 'd-1', recipients: draft.fields.shared_with });
  });

  it('is worded in a rule from its contract', () => {
    expect(describeRule({ effect: 'deny', when: { tool: 'notes', min_recipients: 3 } }, registry.catalog)).toBe(
      'Never do Notes actions reaching 3 or more people',
    );
    expect(describeRule({ effect: 'deny', when: { tool: 'notes' } })).toBe('Never do notes actions');
    expect(conditionLabels(registry.catalog).min_recipients).toBe('at least this many people');
  });
});
