import type { DatabaseSync } from 'node:sqlite';
import { SANDBOX_ACCOUNT } from './account.js';
import { bearerToken } from './googleAuth.js';
import { field, json, type Router, type SandboxRequest, type SandboxResponse } from './http.js';
import type { TokenStore } from './tokens.js';

/**
 * Slack Web API methods Vouch uses. Slack answers errors with HTTP 200 and `{ok:false, error}`;
 * a scope problem names `needed` and `provided`, and the X-OAuth-Scopes headers mirror them.
 */
export interface SlackUser {
  id: string;
  name: string;
  real_name: string;
}

export interface SlackChannelResource {
  id: string;
  name: string;
  created: number;
  topic: string;
  purpose: string;
  num_members: number;
}

interface MessageRow {
  channel_id: string;
  ts: string;
  user_id: string;
  text: string;
  thread_ts: string | null;
}

export class SlackStore {
  constructor(
    private readonly db: DatabaseSync,
    readonly users: SlackUser[],
  ) {}

  putChannel(c: SlackChannelResource): void {
    this.db.prepare('INSERT OR REPLACE INTO slack_channels (id, name, resource) VALUES (?,?,?)').run(c.id, c.name, JSON.stringify(c));
  }

  channels(): SlackChannelResource[] {
    return (this.db.prepare('SELECT resource FROM slack_channels ORDER BY name').all() as { resource: string }[]).map(
      (r) => JSON.parse(r.resource) as SlackChannelResource,
    );
  }

  /** Accepts an id (C0DEALS), a name (deals) or a #name, as chat.postMessage does. */
  channel(ref: string): SlackChannelResource | undefined {
    const name = ref.replace(/^#/, '');
    return this.channels().find((c) => c.id === ref || c.name === name);
  }

  /** A ts unique in the channel: seconds from the clock plus a microsecond counter. */
  nextTs(channelId: string, nowMs: number): string {
    let candidate = Math.floor(nowMs * 1000);
    const row = this.db.prepare('SELECT ts FROM slack_messages WHERE channel_id = ? ORDER BY CAST(ts AS REAL) DESC LIMIT 1').get(channelId) as
      | { ts: string }
      | undefined;
    if (row) {
      const last = Math.round(Number(row.ts) * 1e6);
      if (candidate <= last) candidate = last + 1;
    }
    return `${Math.floor(candidate / 1e6)}.${String(candidate % 1e6).padStart(6, '0')}`;
  }

  insert(m: MessageRow): void {
    this.db.prepare('INSERT INTO slack_messages (channel_id, ts, user_id, text, thread_ts) VALUES (?,?,?,?,?)').run(m.channel_id, m.ts, m.user_id, m.text, m.thread_ts);
  }

  messages(channelId: string): MessageRow[] {
    return this.db.prepare('SELECT * FROM slack_messages WHERE channel_id = ? ORDER BY CAST(ts AS REAL) DESC').all(channelId) as unknown as MessageRow[];
  }

  allMessages(): MessageRow[] {
    return this.db.prepare('SELECT * FROM slack_messages ORDER BY CAST(ts AS REAL) DESC').all() as unknown as MessageRow[];
  }
}

export function registerSlackRoutes(router: Router, deps: { tokens: TokenStore; store: SlackStore; now: () => number }): void {
  const { store } = deps;

  const userProfile = (id: string) => {
    const u = store.users.find((x) => x.id === id);
    return u ? { real_name: u.real_name, display_name: u.name, name: u.name } : undefined;
  };

  const messageResource = (m: MessageRow, replies?: MessageRow[]) => {
    const out: Record<string, unknown> = { type: 'message', user: m.user_id, text: m.text, ts: m.ts, team: SANDBOX_ACCOUNT.slackTeamId };
    const profile = userProfile(m.user_id);
    if (profile) out['user_profile'] = profile;
    if (m.thread_ts) out['thread_ts'] = m.thread_ts;
    if (replies && replies.length > 0) {
      out['thread_ts'] = m.ts;
      out['reply_count'] = replies.length;
      out['reply_users'] = [...new Set(replies.map((r) => r.user_id))];
      out['latest_reply'] = replies[0]?.ts;
    }
    return out;
  };

  /** Slack reads arguments from the form body, a JSON body or the query string alike. */
  const arg = (req: SandboxRequest, name: string): string | undefined => field(req.body, name) ?? req.query.get(name) ?? undefined;

  const method = (name: string, scope: string | undefined, handler: (req: SandboxRequest) => SandboxResponse) => {
    const run = (req: SandboxRequest): SandboxResponse => {
      const token = bearerToken(req) ?? arg(req, 'token');
      if (!token) return json(200, { ok: false, error: 'not_authed' });
      const grant = deps.tokens.verifyAccess('slack', token);
      if (!grant) return json(200, { ok: false, error: 'invalid_auth' });
      const provided = grant.scopes.join(',');
      const headers: Record<string, string> = { 'x-oauth-scopes': provided };
      if (scope) headers['x-accepted-oauth-scopes'] = scope;
      if (scope && !grant.scopes.includes(scope)) {
        return json(200, { ok: false, error: 'missing_scope', needed: scope, provided }, headers);
      }
      const out = handler(req);
      return { ...out, headers: { ...headers, ...out.headers } };
    };
    router.add('POST', `/slack/api/${name}`, run);
    router.add('GET', `/slack/api/${name}`, run);
  };

  const fail = (error: string) => json(200, { ok: false, error });
  const limitOf = (req: SandboxRequest, dflt: number, max: number) => Math.min(Math.max(Number(arg(req, 'limit') ?? arg(req, 'count') ?? dflt) || dflt, 1), max);
  const channelOf = (req: SandboxRequest) => {
    const ref = arg(req, 'channel');
    return ref ? store.channel(ref) : undefined;
  };

  method('auth.test', undefined, () =>
    json(200, {
      ok: true,
      url: 'https://vouch-demo.slack.com/',
      team: SANDBOX_ACCOUNT.slackTeamName,
      user: 'alex',
      team_id: SANDBOX_ACCOUNT.slackTeamId,
      user_id: SANDBOX_ACCOUNT.slackUserId,
    }),
  );

  method('conversations.list', 'channels:read', (req) => {
    const channels = store.channels().slice(0, limitOf(req, 100, 1000));
    return json(200, {
      ok: true,
      channels: channels.map((c) => ({
        id: c.id,
        name: c.name,
        is_channel: true,
        is_group: false,
        is_im: false,
        is_private: false,
        is_archived: false,
        is_member: true,
        created: c.created,
        creator: SANDBOX_ACCOUNT.slackUserId,
        name_normalized: c.name,
        num_members: c.num_members,
        topic: { value: c.topic, creator: SANDBOX_ACCOUNT.slackUserId, last_set: c.created },
        purpose: { value: c.purpose, creator: SANDBOX_ACCOUNT.slackUserId, last_set: c.created },
      })),
      response_metadata: { next_cursor: '' },
    });
  });

  method('conversations.history', 'channels:history', (req) => {
    const channel = channelOf(req);
    if (!channel || channel.id !== arg(req, 'channel')) return fail('channel_not_found');
    const oldest = Number(arg(req, 'oldest') ?? 0);
    const latest = Number(arg(req, 'latest') ?? Infinity);
    const all = store.messages(channel.id);
    const top = all.filter((m) => (!m.thread_ts || m.thread_ts === m.ts) && Number(m.ts) > oldest && Number(m.ts) <= latest);
    const limit = limitOf(req, 100, 999);
    const page = top.slice(0, limit);
    return json(200, {
      ok: true,
      messages: page.map((m) => messageResource(m, all.filter((r) => r.thread_ts === m.ts && r.ts !== m.ts))),
      has_more: top.length > page.length,
      pin_count: 0,
      response_metadata: { next_cursor: '' },
    });
  });

  method('conversations.replies', 'channels:history', (req) => {
    const channel = channelOf(req);
    if (!channel || channel.id !== arg(req, 'channel')) return fail('channel_not_found');
    const ts = arg(req, 'ts');
    const all = store.messages(channel.id);
    const parent = all.find((m) => m.ts === ts);
    if (!parent) return fail('thread_not_found');
    const replies = all.filter((m) => m.thread_ts === ts && m.ts !== ts).reverse();
    return json(200, { ok: true, messages: [messageResource(parent, replies), ...replies.map((r) => messageResource(r))], has_more: false });
  });

  method('search.messages', 'search:read', (req) => {
    const query = arg(req, 'query');
    if (!query) return fail('no_query');
    let inChannel: string | undefined;
    let fromUser: string | undefined;
    const words: string[] = [];
    for (const token of query.toLowerCase().split(/\s+/).filter(Boolean)) {
      if (token.startsWith('in:')) inChannel = token.slice(3).replace(/^#/, '');
      else if (token.startsWith('from:')) fromUser = token.slice(5).replace(/^[@<]|>$/g, '');
      else words.push(token.replace(/^"|"$/g, ''));
    }
    const channels = store.channels();
    const matches = store.allMessages().filter((m) => {
      const ch = channels.find((c) => c.id === m.channel_id);
      const user = store.users.find((u) => u.id === m.user_id);
      if (inChannel && ch?.name !== inChannel && ch?.id.toLowerCase() !== inChannel) return false;
      if (fromUser && user?.name !== fromUser && m.user_id.toLowerCase() !== fromUser) return false;
      return words.every((w) => m.text.toLowerCase().includes(w));
    });
    const count = limitOf(req, 20, 100);
    const page = matches.slice(0, count);
    return json(200, {
      ok: true,
      query,
      messages: {
        total: matches.length,
        pagination: { total_count: matches.length, page: 1, per_page: count, page_count: Math.ceil(matches.length / count), first: 1, last: page.length },
        paging: { count, total: matches.length, page: 1, pages: Math.ceil(matches.length / count) },
        matches: page.map((m) => {
          const ch = channels.find((c) => c.id === m.channel_id);
          return {
            iid: `${m.channel_id}-${m.ts}`,
            type: 'message',
            user: m.user_id,
            username: store.users.find((u) => u.id === m.user_id)?.name ?? m.user_id,
            ts: m.ts,
            text: m.text,
            team: SANDBOX_ACCOUNT.slackTeamId,
            channel: { id: m.channel_id, name: ch?.name ?? '', is_channel: true, is_private: false },
            permalink: `https://vouch-demo.slack.com/archives/${m.channel_id}/p${m.ts.replace('.', '')}`,
          };
        }),
      },
    });
  });

  method('chat.postMessage', 'chat:write', (req) => {
    const channel = channelOf(req);
    if (!channel) return fail('channel_not_found');
    const text = arg(req, 'text');
    if (!text || text.trim().length === 0) return fail('no_text');
    if (text.length > 40_000) return fail('msg_too_long');
    const threadTs = arg(req, 'thread_ts');
    if (threadTs && !store.messages(channel.id).some((m) => m.ts === threadTs)) return fail('thread_not_found');
    const ts = store.nextTs(channel.id, deps.now());
    const row: MessageRow = { channel_id: channel.id, ts, user_id: SANDBOX_ACCOUNT.slackUserId, text, thread_ts: threadTs ?? null };
    store.insert(row);
    return json(200, { ok: true, channel: channel.id, ts, message: messageResource(row) });
  });
}
