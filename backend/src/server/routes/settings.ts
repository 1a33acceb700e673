import { createAuditTrail, type AuditInput, type AuditStore } from '../../audit/index.js';
import type { CibaClient } from '../../auth/ciba.js';
import {
  DEFAULT_MEETING_MINUTES,
  InsideDomainBody,
  InsideDomainsResponse,
  insideDomainBindingMessage,
  MAX_INSIDE_DOMAINS,
  normalizeDomain,
  UserPreferences,
} from '../../protocol/index.js';
import { InsideDomainLimitError, type UserSettingsStore } from '../../settings/index.js';
import { ApiError, shaped, type RouteModule } from '../apiError.js';
import { audited } from './audited.js';
import { approveOnPhone, trackPhoneWaits } from './phoneApproval.js';

export interface SettingsRouteDeps {
  settings: UserSettingsStore;
  audit: AuditStore;
  /** The phone: counting another domain as inside waits for a fresh approval. */
  ciba: Pick<CibaClient, 'start' | 'waitForDecision'>;
  /** The domain of the address the person signed in with (always inside), if known. */
  signInDomain(sub: string): Promise<string | undefined>;
}

/** `domain` is `home` or one of its subdomains, so it already counts as inside. */
const under = (domain: string, home: string) => domain === home || domain.endsWith(`.${home}`);

const PreferencesPatch = UserPreferences.partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'nothing to change');

const badRequest = (issues: readonly { message: string }[]) => new ApiError(400, 'BAD_REQUEST', issues.map((i) => i.message).join('; '));

/**
 * The settings the backend keeps for the person. Adding one of their own email domains lowers the
 * risk of every send to it, so it waits for a fresh phone approval whose binding message names the
 * domain; removing one only tightens. Every change is audited before it is made.
 */
export const settingsRoutes =
  ({ settings, audit, ciba, signInDomain }: SettingsRouteDeps): RouteModule =>
  (app, requireUser) => {
    const trail = createAuditTrail(audit, app.log);
    trackPhoneWaits(app);
    const domainsOf = async (sub: string) =>
      shaped(InsideDomainsResponse, {
        sign_in_domain: (await signInDomain(sub))?.toLowerCase() ?? null,
        domains: await settings.listInsideDomains(sub),
      });

    app.get('/settings/domains', async (req) => domainsOf((await requireUser(req)).sub));

    app.post('/settings/domains', async (req, reply) => {
      const { sub } = await requireUser(req);
      const parsed = InsideDomainBody.safeParse(req.body);
      if (!parsed.success) throw badRequest(parsed.error.issues);
      const { domain } = parsed.data;
      const home = (await signInDomain(sub))?.toLowerCase();
      if (home && under(domain, home))
        throw new ApiError(400, 'BAD_REQUEST', `${domain} already counts as inside: it is part of your sign-in domain ${home}.`);
      const listed = await settings.listInsideDomains(sub);
      if (listed.some((d) => d.domain === domain)) return reply.status(200).send(await domainsOf(sub));
      const parent = listed.find((d) => under(domain, d.domain));
      if (parent) throw new ApiError(400, 'BAD_REQUEST', `${domain} already counts as inside: it is part of ${parent.domain}.`);
      if (listed.length >= MAX_INSIDE_DOMAINS)
        throw new ApiError(400, 'BAD_REQUEST', `You can list at most ${MAX_INSIDE_DOMAINS} domains of your own; remove one first.`);
      await approveOnPhone(
        { ciba, trail },
        {
          sub,
          purpose: 'settings_change',
          bindingMessage: insideDomainBindingMessage(domain),
          refusal: `Counting ${domain} as your own domain needs your approval on your phone.`,
          audit: { data: { setting: 'inside_domains', change: 'add' }, refs: { domain } },
        },
        reply,
      );
      const entry: AuditInput = { kind: 'settings_change', data: { setting: 'inside_domains', change: 'add' }, refs: { domain } };
      await audited(trail, sub, entry, async () => {
        try {
          return await settings.addInsideDomain(sub, domain);
        } catch (err) {
          if (err instanceof InsideDomainLimitError) throw new ApiError(400, 'BAD_REQUEST', `${err.message}; remove one first.`);
          throw err;
        }
      });
      return reply.status(201).send(await domainsOf(sub));
    });

    app.delete('/settings/domains/:domain', async (req) => {
      const { sub } = await requireUser(req);
      const domain = normalizeDomain(String((req.params as { domain: string }).domain));
      if (!(await settings.listInsideDomains(sub)).some((d) => d.domain === domain))
        throw new ApiError(404, 'NOT_FOUND', 'That domain is not in your list.');
      // Fewer inside domains only raise scores: no phone, but audited like every change.
      const entry: AuditInput = { kind: 'settings_change', data: { setting: 'inside_domains', change: 'remove' }, refs: { domain } };
      const removed = await audited(trail, sub, entry, () => settings.removeInsideDomain(sub, domain));
      if (!removed) throw new ApiError(404, 'NOT_FOUND', 'That domain is not in your list.');
      return domainsOf(sub);
    });

    const preferencesOf = async (sub: string) =>
      shaped(UserPreferences, { default_meeting_minutes: DEFAULT_MEETING_MINUTES, ...(await settings.getPreferences(sub)) });

    app.get('/settings/preferences', async (req) => preferencesOf((await requireUser(req)).sub));

    app.put('/settings/preferences', async (req) => {
      const { sub } = await requireUser(req);
      const parsed = PreferencesPatch.safeParse(req.body);
      if (!parsed.success) throw badRequest(parsed.error.issues);
      const patch = parsed.data;
      const entry: AuditInput = {
        kind: 'settings_change',
        data: { setting: 'default_meeting_minutes', change: 'set', minutes: patch.default_meeting_minutes ?? null },
      };
      await audited(trail, sub, entry, () => settings.setPreferences(sub, patch));
      return preferencesOf(sub);
    });
  };
