// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BridgeCallError } from '../../electron/src/bridge/contract.js';
import { Composer } from '../src/components/Composer.js';
import { SpeechModelRow } from '../src/components/SpeechModelRow.js';
import { StatusBar } from '../src/components/StatusBar.js';
import { routeEvent } from '../src/stores/dispatch.js';
import { fakeBridge } from './fakeBridge.js';
import { renderWith } from './render.js';
import { resetStores } from './resetStores.js';

beforeEach(resetStores);
afterEach(cleanup);

describe('the "Speech model" row', () => {
  it('shows nothing until main says, then each state with its action', async () => {
    const { bridge } = fakeBridge();
    renderWith(bridge, <SpeechModelRow />);
    expect(screen.queryByTestId('speech-model')).toBeNull();

    act(() => routeEvent({ type: 'speech_model', state: { status: 'missing' }, text: 'Speech model not downloaded' }));
    expect(screen.getByTestId('speech-model-text').textContent).toBe('Speech model not downloaded');
    fireEvent.click(screen.getByRole('button', { name: 'Download speech model' }));
    expect(bridge.downloadSpeechModel).toHaveBeenCalledTimes(1);

    act(() =>
      routeEvent({
        type: 'speech_model',
        state: { status: 'downloading', doneBytes: 12e6, totalBytes: 41e6 },
        text: 'Downloading speech model — 12 of 41 MB',
      }),
    );
    expect(screen.getByTestId('speech-model-text').textContent).toBe('Downloading speech model — 12 of 41 MB');
    expect(screen.getByRole('progressbar', { name: 'Speech model download' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(bridge.cancelSpeechModelDownload).toHaveBeenCalledTimes(1);

    act(() =>
      routeEvent({
        type: 'speech_model',
        state: { status: 'failed', reason: 'The download was cancelled.' },
        text: 'The download was cancelled.',
      }),
    );
    expect(screen.getByTestId('speech-model-text').textContent).toBe('failed: The download was cancelled.');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(bridge.downloadSpeechModel).toHaveBeenCalledTimes(2);

    act(() => routeEvent({ type: 'speech_model', state: { status: 'ready' }, text: 'Speech model ready' }));
    expect(screen.getByTestId('speech-model-text').textContent).toBe('Speech model ready');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('in development takes a typed folder (the desktop host has no folder picker)', () => {
    const { bridge } = fakeBridge();
    renderWith(bridge, <SpeechModelRow />);
    act(() => routeEvent({ type: 'speech_model', state: { status: 'missing' }, text: 'Speech model not downloaded' }));
    fireEvent.change(screen.getByLabelText('Speech model folder'), { target: { value: ' /models/whisper ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use a folder…' }));
    expect(bridge.useSpeechModelFolder).toHaveBeenCalledWith('/models/whisper');
  });

  it('a refused Talk shows the reason and offers the download next to it', async () => {
    const { bridge } = fakeBridge({
      startListening: async () => {
        throw new BridgeCallError('UNAVAILABLE', 'The speech model is not downloaded yet. Download it, or type your request.');
      },
    });
    renderWith(bridge, <Composer />);
    act(() => routeEvent({ type: 'speech_model', state: { status: 'missing' }, text: 'Speech model not downloaded' }));
    expect(screen.queryByTestId('speech-model')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Talk' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('not downloaded yet'));
    fireEvent.click(screen.getByRole('button', { name: 'Download speech model' }));
    expect(bridge.downloadSpeechModel).toHaveBeenCalledTimes(1);
    act(() => routeEvent({ type: 'speech_model', state: { status: 'ready' }, text: 'Speech model ready' }));
    expect(screen.queryByTestId('speech-model')).toBeNull();
  });

  it('the status bar follows a download or a load from any tab, and says nothing once ready', () => {
    const { bridge } = fakeBridge();
    renderWith(bridge, <StatusBar onStop={() => {}} />);
    act(() =>
      routeEvent({
        type: 'speech_model',
        state: { status: 'downloading', doneBytes: 12e6, totalBytes: 41e6 },
        text: 'Downloading speech model — 12 of 41 MB',
      }),
    );
    expect(screen.getByTestId('speech-model-status').textContent).toBe('Downloading speech model — 12 of 41 MB');
    act(() => routeEvent({ type: 'speech_model', state: { status: 'loading', fraction: 0.5 }, text: 'Loading speech model…' }));
    expect(screen.getByTestId('speech-model-status').textContent).toBe('Loading speech model…');
    act(() => routeEvent({ type: 'speech_model', state: { status: 'ready' }, text: 'Speech model ready' }));
    expect(screen.queryByTestId('speech-model-status')).toBeNull();
  });
});
