// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StatusBar } from '../src/components/StatusBar.js';
import { routeEvent } from '../src/stores/dispatch.js';
import { useSession } from '../src/stores/session.js';
import { fakeBridge } from './fakeBridge.js';
import { renderWith } from './render.js';
import { resetStores } from './resetStores.js';

beforeEach(resetStores);
afterEach(cleanup);

describe('a sign-in that lasts only for this run', () => {
  it('says why in the status bar, and keeps saying it after the backend confirms the session', () => {
    routeEvent({ type: 'auth', state: { signedIn: true, user: { sub: 'auth0|alex', name: 'Alex' }, sessionOnly: 'no_os_keyring' } });
    routeEvent({ type: 'frame', frame: { type: 'session_ready', user: { sub: 'auth0|alex', name: 'Alex' }, providers: [] } });
    expect(useSession.getState().auth).toMatchObject({ signedIn: true, sessionOnly: 'no_os_keyring' });
    renderWith(fakeBridge().bridge, <StatusBar onStop={() => {}} />);
    expect(screen.getByText(/Signed in until you quit: no system keyring/)).toBeTruthy();
  });

  it('says nothing when the sign-in is kept', () => {
    routeEvent({ type: 'auth', state: { signedIn: true, user: { sub: 'auth0|alex', name: 'Alex' } } });
    renderWith(fakeBridge().bridge, <StatusBar onStop={() => {}} />);
    expect(screen.queryByText(/Signed in until you quit/)).toBeNull();
  });
});
