import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import {
  createPreauthorization,
  grantCovers,
  InMemoryPreauthStore,
  PreauthorizationError,
  SqlitePreauthStore,
  STEP_UP_PROOF_MAX_AGE_MS,
  type StepUpProof,
} from '../../src/policy/index.js';
import { describePreauthStoreContract } from '../contracts/preauthStoreContract.js';

const NOW = Date.parse('2025-06-02T09:00:00Z');
const MIN = 60_000;
const proof = (over: Partial<StepUpProof> = {}): StepUpProof => ({
  method: 'ciba',
  user: 'auth0|alex',
  auth_req_id: 'req-1',
  approved_at: NOW - 1000,
  ...over,
});
const req = { tool: 'gmail', max_level: 'confirm', duration_ms: 30 * MIN } as const;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof PreauthorizationError ? e.code : 'OTHER';
  }
  return undefined;
}

describe('createPreauthorization', () => {
  it('grants "medium-risk Gmail actions for 30 minutes" after a fresh step-up', () => {
    const g = createPreauthorization('auth0|alex', req, proof(), NOW, 'pa1');
    expect(g).toEqual({
      id: 'pa1',
      user: 'auth0|alex',
      tool: 'gmail',
      max_level: 'confirm',
      max_score: 54,
      created_at: NOW,
      expires_at: NOW + 30 * MIN,
      granted_after_step_up: true,
      step_up_ref: 'req-1',
      revoked_at: null,
    });
  });

  it.each([
    ['no proof', () => createPreauthorization('auth0|alex', req, undefined, NOW, 'x'), 'STEP_UP_REQUIRED'],
    ["another user's proof", () => createPreauthorization('auth0|alex', req, proof({ user: 'auth0|sam' }), NOW, 'x'), 'STEP_UP_REQUIRED'],
    [
      'a stale proof',
      () => createPreauthorization('auth0|alex', req, proof({ approved_at: NOW - STEP_UP_PROOF_MAX_AGE_MS - 1 }), NOW, 'x'),
      'STEP_UP_STALE',
    ],
    [
      'a proof from the future',
      () => createPreauthorization('auth0|alex', req, proof({ approved_at: NOW + 60_000 }), NOW, 'x'),
      'STEP_UP_STALE',
    ],
    [
      'a duration over 4 hours',
      () => createPreauthorization('auth0|alex', { ...req, duration_ms: 5 * 60 * MIN }, proof(), NOW, 'x'),
      'INVALID_REQUEST',
    ],
    [
      'a confirm grant above the confirm band',
      () => createPreauthorization('auth0|alex', { ...req, max_score: 60 }, proof(), NOW, 'x'),
      'INVALID_REQUEST',
    ],
    [
      'an unknown tool',
      () => createPreauthorization('auth0|alex', { ...req, tool: 'fax' as 'gmail' }, proof(), NOW, 'x'),
      'INVALID_REQUEST',
    ],
  ])('refuses %s', (_n, fn, code) => {
    expect(codeOf(fn)).toBe(code);
  });

  it('covers only its tool, user, level and score, until it expires', () => {
    const g = createPreauthorization('auth0|alex', req, proof(), NOW, 'pa1');
    expect(grantCovers(g, 'auth0|alex', 'gmail', 'confirm', 54, NOW)).toBe(true);
    expect(grantCovers(g, 'auth0|alex', 'gmail', 'confirm', 54, NOW + 30 * MIN - 1)).toBe(true);
    expect(grantCovers(g, 'auth0|alex', 'gmail', 'confirm', 54, NOW + 30 * MIN)).toBe(false);
    expect(grantCovers(g, 'auth0|alex', 'gmail', 'step_up', 55, NOW)).toBe(false);
    expect(grantCovers(g, 'auth0|alex', 'gmail', 'deny', 10, NOW)).toBe(false);
    expect(grantCovers(g, 'auth0|alex', 'slack', 'confirm', 30, NOW)).toBe(false);
    expect(grantCovers(g, 'auth0|sam', 'gmail', 'confirm', 30, NOW)).toBe(false);
  });
});

describePreauthStoreContract('in-memory', async () => {
  let i = 0;
  return new InMemoryPreauthStore(() => `pa${++i}`);
});
describePreauthStoreContract('sqlite', async () => {
  let i = 0;
  return new SqlitePreauthStore(new DatabaseSync(':memory:'), () => `pa${++i}`);
});
