// @vitest-environment happy-dom
import { act, cleanup, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../backend/src/protocol/index.js';
import { DraftSheet } from '../src/components/DraftSheet.js';
import { ErrorBanner } from '../src/components/ErrorBanner.js';
import { routeEvent } from '../src/stores/dispatch.js';
import { fakeBridge } from './fakeBridge.js';
import { approval, eventDraft, slackDraft } from './fixtures.js';
import { renderWith } from './render.js';
import { resetStores } from './resetStores.js';

/** The draft sheet through its states, driven by the frames the backend sends. */
const frame = (f: ServerFrame) => act(() => routeEvent({ type: 'frame', frame: f }));

beforeEach(resetStores);
afterEach(cleanup);

const sheet = () => screen.getByTestId('draft-sheet');
const buttons = () =>
  within(sheet())
    .getAllByRole('button')
    .map((b) => b.textContent);

describe('draft sheet states', () => {
  it('a draft a rule blocks: says which rule, has no Post button, and Close calls it off', async () => {
    const { bridge } = fakeBridge();
    renderWith(bridge, <DraftSheet />);
    frame({
      type: 'draft_ready',
      draft_id: 'd-3',
      kind: 'slack_message',
      fields: { channel: '#general', text: 'payroll is late' },
      risk: { score: 30, level: 'deny', factors: [], reason: { by: 'rule', text: 'Never send anything about payroll' } },
    });
    expect(screen.getByTestId('draft-problem').textContent).toBe(
      'Not allowed: your rule “Never send anything about payroll” blocks this, so Vouch won’t do it. To allow it, change that rule under Rules.',
    );
    expect(screen.getByText('Not allowed')).toBeTruthy();
    expect(buttons()).not.toContain('Post');
    await userEvent.setup().click(within(sheet()).getByRole('button', { name: 'Close' }));
    expect(bridge.cancelDraft).toHaveBeenCalledWith('d-3');
    expect(bridge.confirmDraft).not.toHaveBeenCalled();
  });

  it('an event through the phone: asking, waiting (binding message, code, Cancel), approved, Created — never "Sending…"', async () => {
    const { bridge } = fakeBridge();
    renderWith(bridge, <DraftSheet />);
    frame({
      ...eventDraft,
      risk: { score: 60, level: 'step_up', factors: [], reason: { by: 'default', text: 'risky actions need your approval on your phone' } },
    });
    expect(screen.getByText('Vouch’s default: risky actions need your approval on your phone')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Create' }));
    expect(screen.getByTestId('draft-status').textContent).toBe('Asking your phone to approve…');
    frame({ type: 'action_result', draft_id: 'd-2', kind: 'event', status: 'awaiting_approval' });
    frame({
      ...approval('2099-01-01T00:00:00Z'),
      draft_id: 'd-2',
      binding_message: 'Create event with dana 4B21C0',
      content_code: '4B21C0',
    });
    expect(screen.getByTestId('draft-status').textContent).toBe('Waiting for you to approve on your phone. Nothing happens until you do.');
    expect(within(screen.getByTestId('approval-card')).getByText('Create event with dana 4B21C0')).toBeTruthy();
    expect(within(screen.getByTestId('draft-content-code')).getByText('#4B21C0')).toBeTruthy();
    expect(within(sheet()).getByRole('button', { name: 'Cancel' }).hasAttribute('disabled')).toBe(false);
    frame({ type: 'approval_update', id: 'a-1', status: 'approved' });
    expect(screen.getByTestId('draft-status').textContent).toBe('Approved on your phone. Creating the event…');
    expect(screen.queryByTestId('approval-card')).toBeNull();
    frame({ type: 'action_result', draft_id: 'd-2', kind: 'event', status: 'created', ref: 'ev-1' });
    expect(screen.getByTestId('draft-status').textContent).toBe('Created ✓');
    expect(sheet().textContent).not.toContain('Sending');
    expect(buttons()).toEqual(['Close']);
  });

  it('declined on the phone: says so, no "Post again", only Close', async () => {
    const { bridge } = fakeBridge();
    renderWith(bridge, <DraftSheet />);
    frame(slackDraft);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Post' }));
    frame({ type: 'action_result', draft_id: 'd-3', kind: 'slack_message', status: 'awaiting_approval' });
    frame({ ...approval('2099-01-01T00:00:00Z'), draft_id: 'd-3' });
    frame({ type: 'approval_update', id: 'a-1', status: 'denied' });
    frame({ type: 'action_result', draft_id: 'd-3', kind: 'slack_message', status: 'denied', code: 'APPROVAL_DENIED', detail: 'x' });
    expect(screen.getByTestId('draft-status').textContent).toBe('Declined on your phone. Nothing was posted.');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(buttons()).toEqual(['Close']);
  });

  it('a cancelled event is the provider’s outcome, not the draft called off', () => {
    const { bridge } = fakeBridge();
    renderWith(bridge, <DraftSheet />);
    frame({
      type: 'draft_ready',
      draft_id: 'd-7',
      kind: 'event_cancel',
      fields: { event_id: 'ev-9', title: '1:1', start: '2030-05-02T15:00:00-07:00', attendees: [] },
    });
    frame({ type: 'action_result', draft_id: 'd-7', kind: 'event_cancel', status: 'cancelled', ref: 'ev-9' });
    expect(screen.getByTestId('draft-status').textContent).toBe('Cancelled ✓');
  });

  it('when the phone cannot be asked, the sheet says so and offers Try again; the banner does not say it differently', async () => {
    const { bridge } = fakeBridge();
    renderWith(
      bridge,
      <>
        <ErrorBanner onRetry={() => {}} />
        <DraftSheet />
      </>,
    );
    frame(slackDraft);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Post' }));
    frame({ type: 'action_result', draft_id: 'd-3', kind: 'slack_message', status: 'awaiting_approval' });
    frame({
      type: 'error',
      code: 'APPROVAL_FAILED',
      message: 'Vouch could not ask for approval on your phone (unreachable).',
      action: 'retry',
    });
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      'Vouch could not ask for approval on your phone (unreachable).',
    ]);
    expect(screen.queryByTestId('errors')).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(bridge.confirmDraft).toHaveBeenCalledTimes(2);
  });
});
