// @vitest-environment happy-dom
import { act, cleanup, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftSheet } from '../src/components/DraftSheet.js';
import { fromLocalInput, toFormValues, toLocalInput, validateDraft } from '../src/components/draftForm.js';
import { routeEvent } from '../src/stores/dispatch.js';
import { useDrafts } from '../src/stores/drafts.js';
import { fakeBridge } from './fakeBridge.js';
import { emailDraft, eventDraft, slackDraft } from './fixtures.js';
import { renderWith } from './render.js';
import { resetStores } from './resetStores.js';
import type { ServerFrame } from '../../backend/src/protocol/index.js';

const frame = (f: ServerFrame) => act(() => routeEvent({ type: 'frame', frame: f }));

beforeEach(resetStores);
afterEach(cleanup);

describe('draft form logic', () => {
  it('sends nothing when nothing changed', () => {
    const initial = toFormValues(eventDraft);
    expect(validateDraft(eventDraft, initial, initial)).toEqual({ ok: true, edits: {} });
  });
  it('sends only the changed fields, addresses as arrays, times with the original offset', () => {
    const initial = toFormValues(eventDraft);
    const v = validateDraft(eventDraft, initial, {
      ...initial,
      start: '2030-05-02T16:00',
      end: '2030-05-02T17:00',
      attendees: 'a@x.com; b@y.org',
    });
    expect(v).toEqual({
      ok: true,
      edits: { start: '2030-05-02T16:00:00-07:00', end: '2030-05-02T17:00:00-07:00', attendees: ['a@x.com', 'b@y.org'] },
    });
  });
  it('refuses an end before the start with the protocol schema', () => {
    const initial = toFormValues(eventDraft);
    const v = validateDraft(eventDraft, initial, { ...initial, end: '2030-05-02T14:00' });
    expect(v).toEqual({ ok: false, errors: { end: 'The end must be after the start.' } });
  });
  it('names the bad address and requires a recipient', () => {
    const initial = toFormValues(emailDraft);
    expect(validateDraft(emailDraft, initial, { ...initial, to: 'dana@example.com, bob@' })).toEqual({
      ok: false,
      errors: { to: '“bob@” is not a valid email address.' },
    });
    expect(validateDraft(emailDraft, initial, { ...initial, to: ' ' })).toEqual({
      ok: false,
      errors: { to: 'Add at least one recipient.' },
    });
  });
  it('requires a Slack message', () => {
    const initial = toFormValues(slackDraft);
    expect(validateDraft(slackDraft, initial, { ...initial, text: '' })).toEqual({
      ok: false,
      errors: { text: 'Write a message to post.' },
    });
  });
  it('round-trips RFC 3339 through the datetime-local value', () => {
    expect(toLocalInput('2030-05-02T15:00:00.000Z')).toBe('2030-05-02T15:00');
    expect(fromLocalInput('2030-05-02T15:30', '2030-05-02T15:00:00+05:30')).toBe('2030-05-02T15:30:00+05:30');
  });
});

describe('DraftSheet', () => {
  it('shows the email fields, sends only the edited subject, then shows Sent', async () => {
    const user = userEvent.setup();
    const { bridge } = fakeBridge();
    renderWith(bridge, <DraftSheet />);
    frame(emailDraft);
    const dialog = screen.getByRole('dialog', { name: 'Review the email' });
    expect(dialog).toBeTruthy();
    expect((screen.getByLabelText('To') as HTMLInputElement).value).toBe('dana@example.com');
    // The first field has focus so a keyboard user starts in the form.
    expect(document.activeElement).toBe(screen.getByLabelText('To'));
    const subject = screen.getByLabelText('Subject');
    await user.clear(subject);
    await user.type(subject, 'Thursday works{Enter}');
    expect(bridge.confirmDraft).toHaveBeenCalledWith('d-1', { subject: 'Thursday works' });
    expect(screen.getByText('Sending…')).toBeTruthy();
    frame({ type: 'action_result', draft_id: 'd-1', status: 'sent', ref: 'm-1' });
    expect(screen.getByText('Sent ✓')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
  });

  it('confirms with no edits when nothing changed', async () => {
    const user = userEvent.setup();
    const { bridge } = fakeBridge();
    renderWith(bridge, <DraftSheet />);
    frame(slackDraft);
    await user.click(screen.getByRole('button', { name: 'Post' }));
    expect(bridge.confirmDraft).toHaveBeenCalledWith('d-3', undefined);
  });

  it('shows validation errors next to the field and does not send', async () => {
    const user = userEvent.setup();
    const { bridge } = fakeBridge();
    renderWith(bridge, <DraftSheet />);
    frame(emailDraft);
    const to = screen.getByLabelText('To');
    await user.type(to, ', not-an-address');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(bridge.confirmDraft).not.toHaveBeenCalled();
    expect(screen.getByText('“not-an-address” is not a valid email address.')).toBeTruthy();
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(to);
  });

  it('Esc cancels the draft: cancelDraft is called and the sheet closes', async () => {
    const user = userEvent.setup();
    const { bridge } = fakeBridge();
    renderWith(bridge, <DraftSheet />);
    frame(emailDraft);
    await user.keyboard('{Escape}');
    expect(bridge.cancelDraft).toHaveBeenCalledWith('d-1');
    expect(bridge.confirmDraft).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useDrafts.getState().byId['d-1']!.phase).toBe('cancelled');
  });

  it('keeps Tab inside the sheet', async () => {
    const user = userEvent.setup();
    const { bridge } = fakeBridge();
    renderWith(bridge, <DraftSheet />);
    frame(slackDraft);
    expect(document.activeElement).toBe(screen.getByLabelText('Channel'));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Message'));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Post' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Channel'));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Post' }));
  });

  it('shows a failed action_result as a sentence with what did not happen, and only Close (the draft is over)', async () => {
    const user = userEvent.setup();
    const { bridge } = fakeBridge();
    renderWith(bridge, <DraftSheet />);
    frame(eventDraft);
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(screen.getByTestId('draft-status').textContent).toBe('Creating the event…');
    frame({ type: 'action_result', draft_id: 'd-2', status: 'failed', code: 'RATE_LIMITED' });
    expect(screen.getByRole('alert').textContent).toBe(
      'The service asked Vouch to slow down. Try again in a minute. No event was created.',
    );
    expect(screen.queryByRole('button', { name: /Create/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bridge.confirmDraft).toHaveBeenCalledTimes(1);
  });

  it('when the bridge cannot deliver the confirm, says so and offers to send again', async () => {
    const user = userEvent.setup();
    const { bridge } = fakeBridge({
      confirmDraft: vi.fn(async () => Promise.reject({ code: 'NOT_SIGNED_IN', message: 'Sign in first.' })),
    });
    renderWith(bridge, <DraftSheet />);
    frame(emailDraft);
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByRole('alert').textContent).toBe('Sign in first.');
    expect(useDrafts.getState().byId['d-1']!.phase).toBe('failed');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(bridge.confirmDraft).toHaveBeenCalledTimes(2);
  });

  it('Ctrl+Enter in the message confirms, plain Enter makes a new line', async () => {
    const user = userEvent.setup();
    const { bridge } = fakeBridge();
    renderWith(bridge, <DraftSheet />);
    frame(slackDraft);
    const text = screen.getByLabelText('Message');
    await user.click(text);
    await user.keyboard('{Enter}ok');
    expect(bridge.confirmDraft).not.toHaveBeenCalled();
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(bridge.confirmDraft).toHaveBeenCalledWith('d-3', { text: 'Shipping today\nok' });
  });
});
