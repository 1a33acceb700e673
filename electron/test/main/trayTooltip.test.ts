import { describe, expect, it } from 'vitest';
import { trayTooltip } from '../../src/trayTooltip.js';

describe('tray tooltip', () => {
  it('shows the download progress while the speech model downloads, loads or has failed', () => {
    expect(
      trayTooltip('idle', {
        state: { status: 'downloading', doneBytes: 12e6, totalBytes: 41e6 },
        text: 'Downloading speech model — 12 of 41 MB',
      }),
    ).toBe('Vouch: Downloading speech model — 12 of 41 MB');
    expect(trayTooltip('offline', { state: { status: 'failed', reason: 'No network.' }, text: 'No network.' })).toBe('Vouch: No network.');
  });

  it('listening wins; a ready or missing model leaves the plain tooltip', () => {
    expect(trayTooltip('listening', { state: { status: 'downloading', doneBytes: 0 }, text: 'Downloading speech model — 0 MB' })).toBe(
      'Vouch: listening…',
    );
    expect(trayTooltip('idle', { state: { status: 'ready' }, text: 'Speech model ready' })).toBe('Vouch');
    expect(trayTooltip('offline', { state: { status: 'missing' }, text: 'Speech model not downloaded' })).toBe('Vouch: offline');
    expect(trayTooltip('idle')).toBe('Vouch');
  });
});
