import * as oidc from 'openid-client';
import { createAuditClient } from '../../electron/src/app/auditClient.js';
import { expectAccessible, screenshot } from './checks.js';
import { expect, test, type SystemWorld } from './systemFixtures.js';

/**
 * Signing out from the popover, attached to the desktop host (the app's controller, session and
 * link in Node) against the real backend and dev tenant: the backend logs the session out, the
 * tenant stops honouring the refresh token, and the host's store is empty.
 */
test.describe.configure({ mode: 'serial' });
// A world of its own: this file's person connects, remembers or changes things other files must not see.
test.use({ worldName: 'sign-out' });

async function logoutsInAudit(world: SystemWorld): Promise<number> {
  // The observer is the same person on another session: the audit log is per person.
  const page = await createAuditClient({ backendUrl: world.system.backendUrl, getAccessToken: async () => world.tokens.access_token })({
    limit: 100,
  });
  return page.entries.filter((e) => e.summary === 'Session logout').length;
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`sign out from the popover (${colorScheme})`, async ({ vouch, world }, testInfo) => {
    const { page } = vouch;
    await page.emulateMedia({ colorScheme });
    const refreshToken = await world.host.tokenStore.loadRefreshToken();
    expect(refreshToken).toBeTruthy();
    const before = await logoutsInAudit(world);

    const signOut = page.getByRole('button', { name: 'Sign out' });
    await expect(signOut).toBeVisible();
    await screenshot(page, testInfo, 'system-signed-in');
    await expectAccessible(page);
    await signOut.click();

    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
    await expect(page.getByText('Offline, reconnecting…')).toBeVisible();
    await expect(signOut).toBeHidden();
    await screenshot(page, testInfo, 'system-signed-out');
    await expectAccessible(page);

    // The backend ran its logout (it cancels open drafts and approvals) and recorded it.
    expect(await logoutsInAudit(world)).toBe(before + 1);
    // The tenant revoked the refresh token; the host's store holds nothing.
    const config = await oidc.discovery(new URL(world.system.tenant.issuer), world.system.tenant.desktopClientId, undefined, oidc.None(), {
      execute: [oidc.allowInsecureRequests],
    });
    await expect(oidc.refreshTokenGrant(config, refreshToken!)).rejects.toMatchObject({ error: 'invalid_grant' });
    expect(await world.host.tokenStore.loadRefreshToken()).toBeUndefined();
  });
}
