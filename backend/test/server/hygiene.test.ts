import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InMemoryAuditStore } from '../../src/audit/index.js';
import type { VerifiedUser } from '../../src/auth/jwt.js';
import { createLogger } from '../../src/log.js';
import { createBackendServer } from '../../src/server/app.js';
import { UserChannels } from '../../src/server/channels.js';
import { auditRoutes } from '../../src/server/routes/index.js';
import type { HeadlessSession } from '../../standins/devtenant/signInHeadless.js';
import type { VouchSystem } from '../../standins/system.js';
import { startTestSystem } from '../helpers/system.js';
import { TestClient } from '../helpers/wsClient.js';

let system: VouchSystem;
let alex: HeadlessSession;
beforeAll(async () => {
  system = await startTestSystem({ cibaIntervalSeconds: 0.05 });
  alex = await system.login('alex');
});
afterAll(async () => {
  await system.stop();
});

const api = (path: string, init: RequestInit = {}, token = alex.access_token) =>
  fetch(`${system.backendUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
  });

describe('HTTP hygiene', () => {
  it('marks every authenticated answer, errors included, as not storable by any cache', async () => {
    for (const path of ['/rules', '/audit', '/audit/verify', '/audit/export', '/preauthorizations', '/memory', '/scopes']) {
      const res = await api(path);
      expect([path, res.status]).toEqual([path, 200]);
      expect([path, res.headers.get('cache-control')]).toEqual([path, 'no-store']);
      await res.arrayBuffer();
    }
    const refused = await api('/rules', {}, 'not-a-token');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });

  it('never shows the internal step-up reference (the CIBA auth_req_id) of a grant', async () => {
    let authReqId = '';
    system.tenant.ciba.events.once('request', (p) => {
      authReqId = p.authReqId;
      void system.tenant.ciba.approve(p.authReqId);
    });
    const created = await api('/preauthorizations', { method: 'POST', body: JSON.stringify({ tool: 'gmail', duration_ms: 10 * 60_000 }) });
    expect(created.status).toBe(201);
    const createdText = await created.text();
    const listed = await (await api('/preauthorizations')).text();
    expect(authReqId).not.toBe('');
    for (const body of [createdText, listed]) {
      expect(body).not.toContain('step_up_ref');
      expect(body).not.toContain(authReqId);
    }
    expect(JSON.parse(listed).active[0]).toEqual(expect.objectContaining({ tool: 'gmail', max_level: 'confirm' }));
  });

  it("frees each socket's conversation buffer when the socket closes", async () => {
    const conversations = system.backend.services.conversations;
    const before = conversations.size;
    const clients = await Promise.all([1, 2, 3].map(() => TestClient.connect(system.wsUrl)));
    for (const [i, c] of clients.entries()) {
      await c.auth(alex.access_token);
      c.send({ type: 'transcript', id: `hello-${i}`, text: 'hello' });
      await c.next('agent_done', (f) => f.request_id === `hello-${i}`);
    }
    expect(conversations.size).toBe(before + 3);
    for (const c of clients) await c.close();
    await vi.waitFor(() => expect(conversations.size).toBe(before));
  });
});

describe('audit export', () => {
  it('streams the chain: the first lines reach the client before the store has read the rest', { timeout: 5000 }, async () => {
    const user: VerifiedUser = { sub: 'auth0|alex', expiresAt: Date.now() + 3_600_000 } as VerifiedUser;
    let releaseRest!: () => void;
    const rest = new Promise<void>((r) => (releaseRest = r));
    class GatedAuditStore extends InMemoryAuditStore {
      override async *exportJsonLines(sub: string): AsyncIterable<string> {
        let n = 0;
        for await (const line of super.exportJsonLines(sub)) {
          if (n++ === 1) await rest;
          yield line;
        }
      }
    }
    const audit = new GatedAuditStore({ key: new Uint8Array(32).fill(3) });
    for (let i = 0; i < 200; i++) await audit.append(user.sub, { kind: 'session', data: { event: `e${i}` } });
    const app = await createBackendServer({
      verify: async (token) => {
        if (token !== 'alex-token') throw new Error('bad token');
        return user;
      },
      sessions: {
        signedIn: async () => [],
        scopes: async () => [],
        revoke: async () => undefined,
        logout: async () => undefined,
        closed: () => undefined,
      },
      channels: new UserChannels(),
      handler: {
        onTranscript: async () => undefined,
        onAccountConnected: async () => undefined,
        onActionConfirmed: async () => undefined,
        onActionCancelled: async () => undefined,
        onApprovalDecision: async () => undefined,
      },
      logger: createLogger({ level: 'silent' }),
      routes: [auditRoutes(audit)],
    });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const res = await fetch(`${url}/audit/export`, { headers: { authorization: 'Bearer alex-token' } });
      expect(res.headers.get('content-type')).toContain('application/x-ndjson');
      const reader = res.body!.getReader();
      const first = new TextDecoder().decode((await reader.read()).value);
      expect(JSON.parse(first.split('\n')[0]!)).toMatchObject({ seq: 1, kind: 'session' });
      releaseRest();
      let text = first;
      for (let r = await reader.read(); !r.done; r = await reader.read()) text += new TextDecoder().decode(r.value);
      expect(text.trim().split('\n')).toHaveLength(200);
    } finally {
      releaseRest();
      await app.close();
    }
  });
});

describe('conversation buffers', () => {
  it('are freed even when the socket closes while an answer is still being written', async () => {
    const { ConversationStore } = await import('../../src/agent/memory/index.js');
    const conversations = new ConversationStore();
    let finishAnswer!: () => void;
    const answerMayFinish = new Promise<void>((r) => (finishAnswer = r));
    let answered!: () => void;
    const answerWritten = new Promise<void>((r) => (answered = r));
    const user = { sub: 'auth0|alex', expiresAt: Date.now() + 3_600_000 } as VerifiedUser;
    const app = await createBackendServer({
      verify: async () => user,
      sessions: {
        signedIn: async () => [],
        scopes: async () => [],
        revoke: async () => undefined,
        logout: async () => undefined,
        closed: (id) => conversations.end(id),
      },
      channels: new UserChannels(),
      handler: {
        // As the agent does: the question goes into the buffer, the answer's turn is added when it is done.
        onTranscript: async (ctx, f) => {
          conversations.add(ctx.id, { role: 'user', text: f.text });
          await answerMayFinish;
          conversations.add(ctx.id, { role: 'assistant', text: 'Hi.' });
          answered();
        },
        onAccountConnected: async () => undefined,
        onActionConfirmed: async () => undefined,
        onActionCancelled: async () => undefined,
        onApprovalDecision: async () => undefined,
      },
      logger: createLogger({ level: 'silent' }),
      routes: [],
    });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const c = await TestClient.connect(`${url.replace('http', 'ws')}/ws`);
      await c.auth('token');
      c.send({ type: 'transcript', id: 'q1', text: 'hello' });
      await vi.waitFor(() => expect(conversations.size).toBe(1));
      await c.close();
      // The server has seen the close before the answer finishes.
      await vi.waitFor(() => expect(app.websocketServer.clients.size).toBe(0));
      finishAnswer();
      await answerWritten;
      await vi.waitFor(() => expect(conversations.size).toBe(0));
    } finally {
      finishAnswer();
      await app.close();
    }
  });
});
