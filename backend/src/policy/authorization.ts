import { Tool } from '../protocol/index.js';
import type { ActionKind } from './action.js';

/**
 * Roles and relationships, asked as OpenFGA asks: is `user` related to `object` by `relation`?
 * Two implementations: the embedded checker (default, no server) and the @openfga/sdk adapter.
 */
export interface CheckRequest {
  /** "user:auth0|alex", or a userset such as "role:assistant#member". */
  user: string;
  relation: string;
  /** "tool:auth0|alex/<tool>". */
  object: string;
}

export interface AuthorizationChecker {
  check(req: CheckRequest): Promise<boolean>;
}

export interface RelationshipTuple {
  user: string;
  relation: string;
  object: string;
}

export const userRef = (userId: string): string => `user:${userId}`;
/** Tools are per user so one backend can serve many people without sharing relationships. */
export const toolObject = (userId: string, tool: string): string => `tool:${userId}/${tool}`;
/** A channel inside a tool; OpenFGA ids cannot contain '#', so a channel is stored without it. */
export const channelObject = (userId: string, tool: string, channel: string): string =>
  `resource:${userId}/${tool}/${channel.trim().replace(/^#/, '').toLowerCase()}`;

/** The relation on the tool an action needs. */
export function relationForAction(action: ActionKind): 'can_read' | 'can_draft' | 'can_send' {
  if (action === 'read' || action === 'summarize') return 'can_read';
  if (action === 'draft') return 'can_draft';
  return 'can_send';
}

const ALL_TOOLS: readonly Tool[] = Tool.options;

/** Default setup: a person owns their own tools (the demo user is auth0|alex). */
export function defaultTuples(userId: string): RelationshipTuple[] {
  return ALL_TOOLS.map((t) => ({ user: userRef(userId), relation: 'owner', object: toolObject(userId, t) }));
}

export const DEMO_USER_ID = 'auth0|alex';
