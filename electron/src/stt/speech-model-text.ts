/**
 * One line for the popover's "Speech model" row and the tray tooltip, per model state, e.g.
 * "Downloading speech model — 12 of 41 MB". Pure, so the app, the desktop host and tests share it.
 */
import type { SpeechModelState } from './speech-model.js';

const MB = 1_000_000;

function megabytes(bytes: number): string {
  return String(Math.round(bytes / MB));
}

export function describeSpeechModel(state: SpeechModelState): string {
  switch (state.status) {
    case 'missing':
      return 'Speech model not downloaded';
    case 'downloading':
      return state.totalBytes === undefined
        ? `Downloading speech model — ${megabytes(state.doneBytes)} MB`
        : `Downloading speech model — ${megabytes(state.doneBytes)} of ${megabytes(state.totalBytes)} MB`;
    case 'loading':
      return 'Loading speech model…';
    case 'ready':
      return 'Speech model ready';
    case 'failed':
      return state.reason;
  }
}
