import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAuditEntry } from '../../src/audit/describe.js';
import type { ProviderTokenSource } from '../../src/auth/tokenSource.js';
import { actionFromDraft } from '../../src/policy/action.js';
import { evaluatePolicy } from '../../src/policy/index.js';
import { ActionStatus, DraftKind, Provider, Tool } from '../../src/protocol/index.js';
import { createProviderRegistry } from '../../src/providers/registry.js';
import { notesModule } from './fixtures/notes/module.js';

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
