import { useApprovals } from '../src/stores/approvals.js';
import { useAudio } from '../src/stores/audio.js';
import { useConversation } from '../src/stores/conversation.js';
import { useDrafts } from '../src/stores/drafts.js';
import { useSession } from '../src/stores/session.js';

export function resetStores() {
  useSession.getState().reset();
  useConversation.getState().reset();
  useDrafts.getState().reset();
  useApprovals.getState().reset();
  useAudio.getState().reset();
}
