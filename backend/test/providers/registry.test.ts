import { describe, expect, it } from 'vitest';
import { BackendEnv } from '../../src/config.js';
import { createContractCatalog, DraftKind, Provider, SCOPE_CATALOG, Tool, TOOL_PROVIDER } from '../../src/protocol/index.js';
import { createProviderRegistry, providerSettingsFromEnv, SHIPPED_REGISTRY } from '../../src/providers/registry.js';
import { notesContract } from './fixtures/notes/contract.js';
import { notesModule } from './fixtures/notes/module.js';

const BASE_ENV = { AUTH0_ISSUER_BASE_URL: 'https://tenant.example/', AUTH0_AUDIENCE: 'https://api.vouch.test' };

describe('the provider registry', () => {
  it('derives the protocol enums from the registered contracts, in a stable order', () => {
    expect(Provider.options).toEqual(['google', 'slack']);
    expect(Tool.options).toEqual(['gmail', 'calendar', 'slack']);
    expect(DraftKind.options).toEqual([
      'email',
      'event',
      'email_draft',
      'event_move',
      'event_cancel',
      'event_response',
      'slack_message',
      'slack_direct_message',
    ]);
    expect(TOOL_PROVIDER).toEqual({ gmail: 'google', calendar: 'google', slack: 'slack' });
    expect(new Set(SCOPE_CATALOG.map((s) => s.provider))).toEqual(new Set(['google', 'slack']));
  });

  it('refuses a provider, tool or draft kind registered twice', () => {
    expect(() => createContractCatalog([notesContract, notesContract])).toThrow(/registered twice/);
    expect(() => createContractCatalog([{ ...notesContract, id: 'notes2', drafts: {} }, notesContract])).toThrow(
      /tool notes belongs to two providers/,
    );
    expect(() =>
      createProviderRegistry({
        extra: [
          {
            ...notesModule,
            contract: {
              ...notesContract,
              id: 'mail2',
              tools: { mail2: { displayName: 'x' } },
              drafts: { email: notesContract.drafts.note },
            },
          },
        ],
      }),
    ).toThrow(/draft kind email belongs to two providers/);
  });

  it('says what it can draft, from the contracts, when no builder applies', async () => {
    const built = await SHIPPED_REGISTRY.buildDraft(
      { tools: [], action: 'draft', entities: { people: [], emails: [] }, needs_write: true },
      { failures: [] },
      {
        timezone: 'UTC',
        now: new Date(0),
        transcript: 'draft something',
        contacts: new Map(),
        composer: { compose: () => Promise.reject(new Error('not called')) },
      },
    );
    expect(built).toEqual({
      ok: false,
      reason:
        'I can draft emails, calendar events, Gmail drafts, moved events, cancelled events, answers to invitations, Slack posts and Slack direct messages.',
    });
  });

  it('takes each provider’s connection name and API root from the config its module declares', () => {
    const defaults = BackendEnv.parse(BASE_ENV);
    expect(providerSettingsFromEnv(defaults)).toEqual({
      connections: { google: 'google-oauth2', slack: 'sign-in-with-slack' },
      urls: { googleRootUrl: 'https://www.googleapis.com/', slackApiUrl: 'https://slack.com/api/' },
    });
    const custom = BackendEnv.parse({ ...BASE_ENV, SLACK_CONNECTION: 'slack-2', GOOGLE_API_ROOT_URL: 'http://127.0.0.1:9/' });
    expect(providerSettingsFromEnv(custom)).toMatchObject({
      connections: { slack: 'slack-2' },
      urls: { googleRootUrl: 'http://127.0.0.1:9/' },
    });
    expect(() => BackendEnv.parse({ ...BASE_ENV, SLACK_API_URL: 'not a url' })).toThrow(/SLACK_API_URL/);
  });
});
