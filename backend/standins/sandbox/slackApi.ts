import type { DatabaseSync } from 'node:sqlite';
import { SANDBOX_ACCOUNT, accountOf } from './account.js';
import { bearerToken } from './googleAuth.js';
import { field, json, type Router, type SandboxRequest, type SandboxResponse } from './http.js';
import type { TokenStore } from './tokens.js';
import { zonedToEpoch } from './zonedTime.js';

/**
 * Slack Web API methods Vouch uses. Slack answers errors with HTTP 200 and `{ok:false, error}`;
 * a scope problem names `needed` and `provided`, and the X-OAuth-Scopes headers mirror them.
 */
export interface SlackUser {
  id: string;
  name: string;
  real_name: string;
  /** Returned in `profile.email` only to tokens with users:read.email, as Slack does. */
  email?: string;
  /** A guest account (`is_restricted`): let into some channels, not a full member. */
  guest?: boolean;
}

export interface SlackChannelResource {
  id: string;
  name: string;
  created: number;
  topic: string;
  purpose: string;
  num_members: number;
  /** A direct message with `user`; its name is its id (IMs have no name). */
  is_im?: boolean;
  user?: string;
}

/**
 * How Slack limits the app. Since 2025-05-29 a newly created, commercially distributed app outside
 * the Marketplace gets 1 request per minute and at most 15 messages from conversations.history and
 * conversations.replies (internal and Marketplace apps keep the old tiers).
 */
export interface SlackAppLimits {
  /** On by default: the limits a Vouch build distributed outside the Marketplace meets. */
  nonMarketplaceApp: boolean;
  /** The history/replies window (60 s at Slack). */
  historyWindowMs: number;
  /** The most messages one history/replies page may hold (15 at Slack). */
  historyMaxLimit: number;
}

export const DEFAULT_SLACK_APP_LIMITS: SlackAppLimits = { nonMarketplaceApp: true, historyWindowMs: 60_000, historyMaxLimit: 15 };

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

  /** Every conversation: channels by name, then direct messages. */
  conversations(): SlackChannelResource[] {
    return (this.db.prepare('SELECT resource FROM slack_channels ORDER BY name').all() as { resource: string }[]).map(
      (r) => JSON.parse(r.resource) as SlackChannelResource,
    );
  }

  channels(): SlackChannelResource[] {
    return this.conversations().filter((c) => !c.is_im);
  }

  ims(): SlackChannelResource[] {
    return this.conversations().filter((c) => c.is_im);
  }

  /** Accepts an id (C0DEALS, D0SAM), a name (deals) or a #name, as chat.postMessage does. */
  channel(ref: string): SlackChannelResource | undefined {
    const name = ref.replace(/^#/, '');
    return this.conversations().find((c) => c.id === ref || (!c.is_im && c.name === name));
  }

  /** A ts unique in the channel: seconds from the clock plus a microsecond counter. */
  nextTs(channelId: string, nowMs: number): string {
    let candidate = Math.floor(nowMs * 1000);
    const row = this.db
      .prepare('SELECT ts FROM slack_messages WHERE channel_id = ? ORDER BY CAST(ts AS REAL) DESC LIMIT 1')
      .get(channelId) as { ts: string } | undefined;
    if (row) {
      const last = Math.round(Number(row.ts) * 1e6);
      if (candidate <= last) candidate = last + 1;
    }
    return `${Math.floor(candidate / 1e6)}.${String(candidate % 1e6).padStart(6, '0')}`;
  }

  insert(m: MessageRow): void {
    this.db
      .prepare('INSERT INTO slack_messages (channel_id, ts, user_id, text, thread_ts) VALUES (?,?,?,?,?)')
      .run(m.channel_id, m.ts, m.user_id, m.text, m.thread_ts);
  }

  messages(channelId: string): MessageRow[] {
    return this.db
      .prepare('SELECT * FROM slack_messages WHERE channel_id = ? ORDER BY CAST(ts AS REAL) DESC')
      .all(channelId) as unknown as MessageRow[];
  }

  allMessages(): MessageRow[] {
    return this.db.prepare('SELECT * FROM slack_messages ORDER BY CAST(ts AS REAL) DESC').all() as unknown as MessageRow[];
  }
}

/** Slack's cursors are opaque; the sandbox's encode an offset, and anything else is `invalid_cursor`. */
function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64');
}

function decodeCursor(cursor: string | undefined): number | undefined | 'invalid' {
  if (!cursor) return undefined;
  const m = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return m ? Number(m[1]) : 'invalid';
}

export function registerSlackRoutes(
  router: Router,
  deps: { tokens: TokenStore; store: SlackStore; now: () => number; timeZone: string; limits?: Partial<SlackAppLimits> },
): void {
  const { store } = deps;
  const limits: SlackAppLimits = { ...DEFAULT_SLACK_APP_LIMITS, ...deps.limits };
  /** Last accepted history/replies call per (app, method): Slack counts per app and workspace. */
  const lastCall = new Map<string, number>();

  // Real history carries the author's id only (no `user_profile`); names come from users.info.
  const messageResource = (m: MessageRow, replies?: MessageRow[]) => {
    const out: Record<string, unknown> = { type: 'message', user: m.user_id, text: m.text, ts: m.ts, team: SANDBOX_ACCOUNT.slackTeamId };
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

  type Scope = string | undefined | ((req: SandboxRequest) => string);
  type Handler = (req: SandboxRequest, grant: { clientId: string; userId: string; scopes: string[] }) => SandboxResponse;
  const method = (name: string, scope: Scope, handler: Handler) => {
    const run = (req: SandboxRequest): SandboxResponse => {
      const token = bearerToken(req) ?? arg(req, 'token');
      if (!token) return json(200, { ok: false, error: 'not_authed' });
      const grant = deps.tokens.verifyAccess('slack', token);
      if (!grant) return json(200, { ok: false, error: 'invalid_auth' });
      const provided = grant.scopes.join(',');
      // A comma list names alternatives: any one of them is enough (conversations.open takes four).
      const needed = typeof scope === 'function' ? scope(req) : scope;
      const headers: Record<string, string> = { 'x-oauth-scopes': provided };
      if (needed) headers['x-accepted-oauth-scopes'] = needed;
      if (needed && !needed.split(',').some((one) => grant.scopes.includes(one))) {
        return json(200, { ok: false, error: 'missing_scope', needed, provided }, headers);
      }
      const out = handler(req, grant);
      return { ...out, headers: { ...headers, ...out.headers } };
    };
    router.add('POST', `/slack/api/${name}`, run);
    router.add('GET', `/slack/api/${name}`, run);
  };

  const fail = (error: string) => json(200, { ok: false, error });
  const limitOf = (req: SandboxRequest, dflt: number, max: number) =>
    Math.min(Math.max(Number(arg(req, 'limit') ?? arg(req, 'count') ?? dflt) || dflt, 1), max);
  const channelOf = (req: SandboxRequest) => {
    const ref = arg(req, 'channel');
    return ref ? store.channel(ref) : undefined;
  };
  const historyScope = (req: SandboxRequest) => (store.channel(arg(req, 'channel') ?? '')?.is_im ? 'im:history' : 'channels:history');

  /**
   * The non-Marketplace window: a second history (or replies) call inside it is HTTP 429 with
   * Retry-After and `{ok:false, error:"ratelimited"}`, as Slack answers a rate-limited method.
   */
  const throttled = (clientId: string, name: string): SandboxResponse | undefined => {
    if (!limits.nonMarketplaceApp) return undefined;
    const key = `${clientId}\u0000${name}`;
    const now = deps.now();
    const last = lastCall.get(key);
    if (last !== undefined && now - last < limits.historyWindowMs) {
      const retryAfter = Math.max(1, Math.ceil((limits.historyWindowMs - (now - last)) / 1000));
      return json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retryAfter) });
    }
    lastCall.set(key, now);
    return undefined;
  };
  const historyMax = () => (limits.nonMarketplaceApp ? limits.historyMaxLimit : 999);

  /** One page of `rows` from the request's cursor, with Slack's response_metadata. */
  const page = <T>(req: SandboxRequest, rows: T[], dflt: number, max: number): { items: T[]; next: string } | 'invalid' => {
    const offset = decodeCursor(arg(req, 'cursor'));
    if (offset === 'invalid') return 'invalid';
    const start = offset ?? 0;
    const limit = limitOf(req, dflt, max);
    const items = rows.slice(start, start + limit);
    return { items, next: start + limit < rows.length ? encodeCursor(start + limit) : '' };
  };

  method('auth.test', undefined, (_req, grant) =>
    json(200, {
      ok: true,
      url: 'https://vouch-demo.slack.com/',
      team: SANDBOX_ACCOUNT.slackTeamName,
      user: accountOf(grant.userId).userId,
      team_id: SANDBOX_ACCOUNT.slackTeamId,
      user_id: accountOf(grant.userId).slackUserId,
    }),
  );

  /** A user object as users.info and users.list return it; `profile.email` needs users:read.email. */
  const userResource = (u: SlackUser, scopes: readonly string[]) => ({
    id: u.id,
    team_id: SANDBOX_ACCOUNT.slackTeamId,
    name: u.name,
    deleted: false,
    real_name: u.real_name,
    tz: deps.timeZone,
    is_bot: false,
    is_restricted: u.guest === true,
    is_ultra_restricted: false,
    profile: {
      real_name: u.real_name,
      display_name: u.name,
      real_name_normalized: u.real_name,
      display_name_normalized: u.name,
      ...(u.email && scopes.includes('users:read.email') ? { email: u.email } : {}),
    },
  });

  method('users.info', 'users:read', (req, grant) => {
    const u = store.users.find((x) => x.id === arg(req, 'user'));
    if (!u) return fail('user_not_found');
    return json(200, { ok: true, user: userResource(u, grant.scopes) });
  });

  // Slack matches the address case-insensitively and answers users_not_found for anyone else.
  method('users.lookupByEmail', 'users:read.email', (req, grant) => {
    const email = arg(req, 'email');
    if (!email) return fail('invalid_arguments');
    const u = store.users.find((x) => x.email?.toLowerCase() === email.trim().toLowerCase());
    if (!u) return fail('users_not_found');
    return json(200, { ok: true, user: userResource(u, grant.scopes) });
  });

  method('users.list', 'users:read', (req, grant) => {
    const p = page(req, store.users, 100, 1000);
    if (p === 'invalid') return fail('invalid_cursor');
    return json(200, {
      ok: true,
      members: p.items.map((u) => userResource(u, grant.scopes)),
      cache_ts: Math.floor(deps.now() / 1000),
      response_metadata: { next_cursor: p.next },
    });
  });

  // The scope follows the types asked for: im needs im:read, channels channels:read.
  const listScope = (req: SandboxRequest) =>
    (arg(req, 'types') ?? 'public_channel').split(',').includes('im') ? 'im:read' : 'channels:read';
  method('conversations.list', listScope, (req) => {
    const types = (arg(req, 'types') ?? 'public_channel').split(',').map((t) => t.trim());
    const rows = store.conversations().filter((c) => (c.is_im ? types.includes('im') : types.includes('public_channel')));
    const p = page(req, rows, 100, 1000);
    if (p === 'invalid') return fail('invalid_cursor');
    return json(200, {
      ok: true,
      channels: p.items.map((c) =>
        c.is_im
          ? { id: c.id, created: c.created, is_im: true, is_org_shared: false, user: c.user, is_user_deleted: false, priority: 0 }
          : {
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
            },
      ),
      response_metadata: { next_cursor: p.next },
    });
  });

  method('conversations.history', historyScope, (req, grant) => {
    const channel = channelOf(req);
    if (!channel || channel.id !== arg(req, 'channel')) return fail('channel_not_found');
    const limited = throttled(grant.clientId, 'conversations.history');
    if (limited) return limited;
    const oldest = Number(arg(req, 'oldest') ?? 0);
    const latest = Number(arg(req, 'latest') ?? Infinity);
    const all = store.messages(channel.id);
    const top = all.filter((m) => (!m.thread_ts || m.thread_ts === m.ts) && Number(m.ts) > oldest && Number(m.ts) <= latest);
    const p = page(req, top, limits.nonMarketplaceApp ? limits.historyMaxLimit : 100, historyMax());
    if (p === 'invalid') return fail('invalid_cursor');
    return json(200, {
      ok: true,
      messages: p.items.map((m) =>
        messageResource(
          m,
          all.filter((r) => r.thread_ts === m.ts && r.ts !== m.ts),
        ),
      ),
      has_more: p.next !== '',
      pin_count: 0,
      response_metadata: { next_cursor: p.next },
    });
  });

  method('conversations.replies', historyScope, (req, grant) => {
    const channel = channelOf(req);
    if (!channel || channel.id !== arg(req, 'channel')) return fail('channel_not_found');
    const limited = throttled(grant.clientId, 'conversations.replies');
    if (limited) return limited;
    const ts = arg(req, 'ts');
    const all = store.messages(channel.id);
    const parent = all.find((m) => m.ts === ts);
    if (!parent) return fail('thread_not_found');
    const replies = all.filter((m) => m.thread_ts === ts && m.ts !== ts).reverse();
    const p = page(
      req,
      [messageResource(parent, replies), ...replies.map((r) => messageResource(r))],
      limits.nonMarketplaceApp ? limits.historyMaxLimit : 1000,
      historyMax(),
    );
    if (p === 'invalid') return fail('invalid_cursor');
    return json(200, { ok: true, messages: p.items, has_more: p.next !== '', response_metadata: { next_cursor: p.next } });
  });

  /** `after:`/`before:`/`on:` take a day (YYYY-MM-DD) in the workspace member's zone. */
  const dayBounds = (day: string): { start: number; end: number } | undefined => {
    const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(day);
    if (!m) return undefined;
    const start = zonedToEpoch(Number(m[1]), Number(m[2]), Number(m[3]), 0, 0, deps.timeZone);
    const next = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1));
    const end = zonedToEpoch(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, 0, deps.timeZone);
    return { start, end };
  };

  method('search.messages', 'search:read', (req) => {
    const query = arg(req, 'query');
    if (!query) return fail('no_query');
    let inChannel: string | undefined;
    let inDmWith: string | undefined;
    let fromUser: string | undefined;
    let afterMs = -Infinity;
    let beforeMs = Infinity;
    const words: string[] = [];
    const phrases = [...query.toLowerCase().matchAll(/"([^"]+)"|(\S+)/g)];
    for (const [, quoted, bare] of phrases) {
      if (quoted !== undefined) {
        words.push(quoted);
        continue;
      }
      const token = bare as string;
      if (token.startsWith('in:@')) inDmWith = token.slice(4);
      else if (token.startsWith('in:'))
        inChannel = token
          .slice(3)
          .replace(/^#|^<#|>$/g, '')
          .split('|')[0];
      else if (token.startsWith('from:')) fromUser = token.slice(5).replace(/^[@<]|>$/g, '');
      else if (/^(after|before|on):/.test(token)) {
        const [op, day] = token.split(':') as [string, string];
        const b = dayBounds(day);
        if (!b) continue;
        if (op === 'after') afterMs = Math.max(afterMs, b.end);
        else if (op === 'before') beforeMs = Math.min(beforeMs, b.start);
        else {
          afterMs = Math.max(afterMs, b.start);
          beforeMs = Math.min(beforeMs, b.end);
        }
      } else words.push(token);
    }
    const conversations = store.conversations();
    const userNamed = (ref: string) => store.users.find((u) => u.name === ref || u.id.toLowerCase() === ref);
    const matches = store.allMessages().filter((m) => {
      const ch = conversations.find((c) => c.id === m.channel_id);
      if (!ch) return false;
      if (inChannel && (ch.is_im || (ch.name !== inChannel && ch.id.toLowerCase() !== inChannel))) return false;
      if (inDmWith && (!ch.is_im || ch.user !== userNamed(inDmWith)?.id)) return false;
      if (fromUser && m.user_id !== userNamed(fromUser)?.id) return false;
      const at = Number(m.ts) * 1000;
      if (at < afterMs || at >= beforeMs) return false;
      return words.every((w) => m.text.toLowerCase().includes(w));
    });
    const count = limitOf(req, 20, 100);
    const pageNo = Math.max(1, Number(arg(req, 'page') ?? 1) || 1);
    const hits = matches.slice((pageNo - 1) * count, pageNo * count);
    const pages = Math.max(1, Math.ceil(matches.length / count));
    return json(200, {
      ok: true,
      query,
      messages: {
        total: matches.length,
        pagination: {
          total_count: matches.length,
          page: pageNo,
          per_page: count,
          page_count: pages,
          first: (pageNo - 1) * count + 1,
          last: (pageNo - 1) * count + hits.length,
        },
        paging: { count, total: matches.length, page: pageNo, pages },
        matches: hits.map((m) => {
          const ch = conversations.find((c) => c.id === m.channel_id);
          return {
            iid: `${m.channel_id}-${m.ts}`,
            type: ch?.is_im ? 'im' : 'message',
            user: m.user_id,
            username: store.users.find((u) => u.id === m.user_id)?.name ?? m.user_id,
            ts: m.ts,
            text: m.text,
            team: SANDBOX_ACCOUNT.slackTeamId,
            channel: ch?.is_im
              ? { id: m.channel_id, name: ch.user ?? '', is_channel: false, is_im: true, is_private: true }
              : { id: m.channel_id, name: ch?.name ?? '', is_channel: true, is_private: false },
            permalink: `https://vouch-demo.slack.com/archives/${m.channel_id}/p${m.ts.replace('.', '')}`,
          };
        }),
      },
    });
  });

  /**
   * Finds the direct message with one member or starts it. Slack accepts any of four scopes here;
   * the sandbox models 1:1 DMs only, so several users (a group DM) is refused rather than faked.
   */
  method('conversations.open', 'channels:manage,groups:write,im:write,mpim:write', (req) => {
    const channelRef = arg(req, 'channel');
    if (channelRef) {
      const existing = store.channel(channelRef);
      return existing?.is_im
        ? json(200, { ok: true, no_op: true, already_open: true, channel: { id: existing.id } })
        : fail('channel_not_found');
    }
    const users = (arg(req, 'users') ?? '')
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean);
    if (users.length === 0) return fail('users_list_not_supplied');
    if (users.length > 8) return fail('too_many_users');
    if (users.length > 1) return fail('invalid_arguments');
    const member = store.users.find((u) => u.id === users[0]);
    if (!member) return fail('user_not_found');
    const open = store.ims().find((c) => c.user === member.id);
    if (open) return json(200, { ok: true, no_op: true, already_open: true, channel: { id: open.id } });
    const id = `D${member.id.replace(/^[UW]/, '')}`;
    const created: SlackChannelResource = {
      id,
      // IMs have no name; the table keys them by id as the seed does.
      name: id,
      created: Math.floor(deps.now() / 1000),
      topic: '',
      purpose: '',
      num_members: 2,
      is_im: true,
      user: member.id,
    };
    store.putChannel(created);
    return json(200, { ok: true, channel: { id: created.id } });
  });

  method('chat.postMessage', 'chat:write', (req, grant) => {
    const channel = channelOf(req);
    if (!channel) return fail('channel_not_found');
    const text = arg(req, 'text');
    if (!text || text.trim().length === 0) return fail('no_text');
    if (text.length > 40_000) return fail('msg_too_long');
    const threadTs = arg(req, 'thread_ts');
    if (threadTs && !store.messages(channel.id).some((m) => m.ts === threadTs)) return fail('thread_not_found');
    const ts = store.nextTs(channel.id, deps.now());
    const row: MessageRow = { channel_id: channel.id, ts, user_id: accountOf(grant.userId).slackUserId, text, thread_ts: threadTs ?? null };
    store.insert(row);
    return json(200, { ok: true, channel: channel.id, ts, message: messageResource(row) });
  });
}
