import { beforeEach, describe, expect, it } from 'vitest';
import { routeEvent } from '../src/stores/dispatch.js';
import { useDrafts } from '../src/stores/drafts.js';
import { useNavigation } from '../src/stores/navigation.js';
import { emailDraft } from './fixtures.js';
import { resetStores } from './resetStores.js';

beforeEach(() => {
  resetStores();
  useNavigation.getState().request(null);
});

describe('opened from outside the page', () => {
  it('a clicked notification opens the sheet on its draft, in the conversation', () => {
    routeEvent({ type: 'frame', frame: emailDraft });
    useDrafts.getState().close();
    routeEvent({ type: 'focus_draft', draftId: emailDraft.draft_id });
    expect(useDrafts.getState().activeId).toBe(emailDraft.draft_id);
    expect(useNavigation.getState().requested).toBe('conversation');
  });

  it('a draft this page never received opens nothing', () => {
    routeEvent({ type: 'focus_draft', draftId: 'unknown' });
    expect(useDrafts.getState().activeId).toBeNull();
  });

  it('the tray’s Settings… asks for the Settings view', () => {
    routeEvent({ type: 'show_settings' });
    expect(useNavigation.getState().requested).toBe('settings');
  });
});
