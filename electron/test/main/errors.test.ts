import { describe, expect, it } from 'vitest';
import { VouchError } from '../../../backend/src/protocol/index.js';
import { PreauthError } from '../../src/app/preauthClient.js';
import { ConnectError } from '../../src/auth/connectAccount.js';
import { LoopbackError } from '../../src/auth/loopback.js';
import { MyAccountError } from '../../src/auth/myAccountClient.js';
import { SignedOutError } from '../../src/auth/session.js';
import { BridgeCallError } from '../../src/bridge/contract.js';
import { DesktopConfigError } from '../../src/config.js';
import { BridgeError } from '../../src/ipc/bridgeRegistry.js';

describe('desktop errors share the VouchError base', () => {
  it.each([
    [new PreauthError('APPROVAL_DENIED'), 'APPROVAL_DENIED', 'PreauthError'],
    [new ConnectError('bad_callback', 'x'), 'CONNECT_BAD_CALLBACK', 'ConnectError'],
    [new LoopbackError('no_free_port'), 'LOOPBACK_NO_FREE_PORT', 'LoopbackError'],
    [new MyAccountError(409, 'Conflict', 'used'), 'MY_ACCOUNT_REQUEST_FAILED', 'MyAccountError'],
    [new SignedOutError(), 'SIGNED_OUT', 'SignedOutError'],
    [new BridgeCallError('REQUEST_FAILED'), 'REQUEST_FAILED', 'BridgeCallError'],
    [new DesktopConfigError('x'), 'DESKTOP_CONFIG_INVALID', 'DesktopConfigError'],
    [new BridgeError('CONNECT_FAILED'), 'CONNECT_FAILED', 'BridgeError'],
  ] as const)('%s has code %s', (err, code, name) => {
    expect(err).toBeInstanceOf(VouchError);
    expect(err.code).toBe(code);
    expect(err.name).toBe(name);
  });

  it('keeps the discriminants callers branch on, and a wrapped cause', () => {
    expect(new ConnectError('denied', 'x').reason).toBe('denied');
    expect(new LoopbackError('timeout').reason).toBe('timeout');
    expect(new MyAccountError(409, 'Conflict', 'used').status).toBe(409);
    const cause = new PreauthError('APPROVAL_EXPIRED');
    expect(new BridgeError(cause.code, undefined, { cause }).cause).toBe(cause);
  });
});
