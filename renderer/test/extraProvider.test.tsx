// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContractCatalog, type ServerFrame } from '../../backend/src/protocol/index.js';
import { notesContract } from '../../backend/test/providers/fixtures/notes/contract.js';
import { BridgeProvider } from '../src/bridge/context.js';
import { ContractsProvider } from '../src/components/contracts.js';
import { DraftSheet } from '../src/components/DraftSheet.js';
import { routeEvent } from '../src/stores/dispatch.js';
import { fakeBridge } from './fakeBridge.js';
import { resetStores } from './resetStores.js';

/**
 * The draft sheet renders a provider it has never heard of: the test-only notes provider, registered
 * with one line, with its fields, labels, hints, messages, confirm word and outcome from its contract.
 */
const catalog = createContractCatalog([notesContract]);

// A frame the shipped protocol would not parse (its kinds are the shipped ones); the sheet gets it as the bridge would hand it on.
const noteDraft = {
  type: 'draft_ready',
  draft_id: 'n-1',
  kind: 'note',
  fields: { title: 'Board prep', body: 'Numbers for Thursday', shared_with: ['dana@example.com'] },
  risk: { score: 8, level: 'auto', factors: [] },
} as unknown as ServerFrame;

const frame = (f: ServerFrame) => act(() => routeEvent({ type: 'frame', frame: f }));

beforeEach(resetStores);
afterEach(cleanup);

describe('a provider registered only in tests, in the draft sheet', () => {
  it('renders its fields from the contract, validates with its schema and sends only the edits', async () => {
    const user = userEvent.setup();
    const { bridge } = fakeBridge();
    render(
      <BridgeProvider bridge={bridge}>
        <ContractsProvider catalog={catalog}>
          <DraftSheet />
        </ContractsProvider>
      </BridgeProvider>,
    );
    frame(noteDraft);
    expect(screen.getByRole('dialog', { name: 'Review the note' })).toBeTruthy();
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Board prep');
    expect((screen.getByLabelText('Share with') as HTMLInputElement).value).toBe('dana@example.com');
    expect((screen.getByLabelText('Note') as HTMLTextAreaElement).value).toBe('Numbers for Thursday');
    expect(screen.getByText('Separate addresses with commas')).toBeTruthy();
    expect(screen.getByText('It will be saved as “Board prep”.')).toBeTruthy();

    const title = screen.getByLabelText('Title');
    await user.clear(title);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(bridge.confirmDraft).not.toHaveBeenCalled();
    expect(screen.getByText('Give the note a title.')).toBeTruthy();

    await user.type(title, 'Board prep v2');
    await user.type(screen.getByLabelText('Share with'), ', sam@');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('“sam@” is not a valid email address.')).toBeTruthy();

    await user.clear(screen.getByLabelText('Share with'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(bridge.confirmDraft).toHaveBeenCalledWith('n-1', { title: 'Board prep v2', shared_with: [] });

    frame({ type: 'action_result', draft_id: 'n-1', status: 'saved', ref: 'note-1' } as unknown as ServerFrame);
    expect(screen.getByText('Saved ✓')).toBeTruthy();
  });
});
