// @vitest-environment happy-dom
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DraftSheet } from '../src/components/DraftSheet.js';
import { routeEvent } from '../src/stores/dispatch.js';
import type { ServerFrame } from '../../backend/src/protocol/index.js';
import { fakeBridge } from './fakeBridge.js';
import { approval, emailDraft } from './fixtures.js';
import { renderWith } from './render.js';
import { resetStores } from './resetStores.js';

const frame = (f: ServerFrame) => act(() => routeEvent({ type: 'frame', frame: f }));

beforeEach(resetStores);
afterEach(cleanup);

describe('the content code the phone shows', () => {
  it('is on the approval card and next to the draft it stands for', () => {
    const { bridge } = fakeBridge();
    renderWith(bridge, <DraftSheet />);
    frame(emailDraft);
    frame({
      ...approval('2030-01-01T00:02:05Z'),
      draft_id: emailDraft.draft_id,
      binding_message: 'Send email to eve at evil.test #A1B2C3',
      content_code: 'A1B2C3',
    });
    const sheet = screen.getByTestId('draft-sheet');
    expect(within(screen.getByTestId('approval-card')).getByText('#A1B2C3')).toBeTruthy();
    expect(within(screen.getByTestId('draft-content-code')).getByText('#A1B2C3')).toBeTruthy();
    expect(sheet.contains(screen.getByTestId('draft-content-code'))).toBe(true);
  });

  it('is not shown for an approval without one', () => {
    const { bridge } = fakeBridge();
    renderWith(bridge, <DraftSheet />);
    frame(emailDraft);
    frame({ ...approval('2030-01-01T00:02:05Z'), draft_id: emailDraft.draft_id });
    expect(screen.getByTestId('approval-card')).toBeTruthy();
    expect(screen.queryByTestId('draft-content-code')).toBeNull();
  });
});
