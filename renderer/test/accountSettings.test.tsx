// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeCallError, type EmailDomainsView } from '../../electron/src/bridge/contract.js';
import { EmailDomainsSection, MeetingLengthField } from '../src/components/AccountSettings.js';
import { fakeBridge } from './fakeBridge.js';
import { renderWith } from './render.js';
import { resetStores } from './resetStores.js';

beforeEach(resetStores);
afterEach(cleanup);

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const view = (...domains: string[]): EmailDomainsView => ({
  sign_in_domain: 'example.com',
  domains: domains.map((domain) => ({ domain, added_at: '2030-01-01T00:00:00.000Z' })),
});

describe('My email domains', () => {
  it('shows “Approve on your phone” with the words the phone shows while the add waits, then lists the domain', async () => {
    const answer = deferred<EmailDomainsView>();
    const { bridge } = fakeBridge({ listEmailDomains: async () => view(), addEmailDomain: vi.fn(() => answer.promise) });
    renderWith(bridge, <EmailDomainsSection />);
    const list = await screen.findByRole('list', { name: 'My email domains' });
    expect(within(list).getByText('example.com')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Add a domain'), ' Partner.IO ');
    await userEvent.click(screen.getByRole('button', { name: 'Add domain' }));
    expect(bridge.addEmailDomain).toHaveBeenCalledWith('partner.io');
    expect(screen.getByTestId('email-domains-status').textContent).toBe('Approve on your phone: “Count partner.io as inside”');
    answer.resolve(view('partner.io'));
    await waitFor(() => expect(screen.getByTestId('email-domains-status').textContent).toBe('partner.io now counts as inside.'));
    expect(within(list).getByText('partner.io')).toBeTruthy();
  });

  it('explains a public mail provider before asking anyone, and shows the phone’s refusal', async () => {
    const { bridge } = fakeBridge({
      listEmailDomains: async () => view(),
      addEmailDomain: vi.fn(async (): Promise<EmailDomainsView> => {
        throw new BridgeCallError('APPROVAL_DENIED');
      }),
    });
    renderWith(bridge, <EmailDomainsSection />);
    await screen.findByRole('list', { name: 'My email domains' });
    await userEvent.type(screen.getByLabelText('Add a domain'), 'gmail.com');
    await userEvent.click(screen.getByRole('button', { name: 'Add domain' }));
    expect(screen.getByRole('alert').textContent).toMatch(/gmail.com is a public mail provider/);
    expect(bridge.addEmailDomain).not.toHaveBeenCalled();
    await userEvent.clear(screen.getByLabelText('Add a domain'));
    await userEvent.type(screen.getByLabelText('Add a domain'), 'partner.io');
    await userEvent.click(screen.getByRole('button', { name: 'Add domain' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Declined on your phone. Nothing was allowed.'));
  });

  it('removes a domain', async () => {
    const { bridge } = fakeBridge({ listEmailDomains: async () => view('partner.io'), removeEmailDomain: vi.fn(async () => view()) });
    renderWith(bridge, <EmailDomainsSection />);
    await userEvent.click(await screen.findByRole('button', { name: 'Remove partner.io' }));
    expect(bridge.removeEmailDomain).toHaveBeenCalledWith('partner.io');
    await waitFor(() => expect(screen.queryByText('partner.io')).toBeNull());
  });
});

describe('Default meeting length', () => {
  it('shows the stored length and saves a new one', async () => {
    const { bridge } = fakeBridge({ getMeetingPreferences: async () => ({ default_meeting_minutes: 30 }) });
    renderWith(bridge, <MeetingLengthField />);
    const select = await screen.findByLabelText('Default meeting length');
    await waitFor(() => expect((select as HTMLSelectElement).value).toBe('30'));
    await userEvent.selectOptions(select, '45');
    expect(bridge.setDefaultMeetingMinutes).toHaveBeenCalledWith(45);
    await screen.findByText('Meetings you ask for without a length now last 45 minutes.');
  });
});
