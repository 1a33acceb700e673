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
import { DecoderPromptError } from '../../src/stt/decoding-rules.js';
import { ModelNotFoundError } from '../../src/stt/model-files.js';
import { ModelFolderError } from '../../src/stt/model-folder.js';
import { ModelDownloadError } from '../../src/stt/model-manager.js';
import { SpeechModelNotReadyError } from '../../src/stt/speech-model.js';
import { SttNotLoadedError } from '../../src/stt/stt-engine.js';
import { WavFormatError } from '../../src/stt/wav.js';
import { NoUtteranceError } from '../../src/stt/whisper-onnx-engine.js';
import { SttWorkerError } from '../../src/stt/worker-stt-engine.js';

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
    [new DecoderPromptError('x'), 'STT_DECODER_PROMPT', 'DecoderPromptError'],
    [new ModelNotFoundError('x'), 'STT_MODEL_NOT_FOUND', 'ModelNotFoundError'],
    [new ModelFolderError('x'), 'not-a-model', 'ModelFolderError'],
    [new ModelDownloadError('digest-mismatch', 'x'), 'digest-mismatch', 'ModelDownloadError'],
    [new SpeechModelNotReadyError('x'), 'STT_MODEL_NOT_READY', 'SpeechModelNotReadyError'],
    [new SttNotLoadedError(), 'STT_NOT_LOADED', 'SttNotLoadedError'],
    [new WavFormatError('x'), 'WAV_FORMAT', 'WavFormatError'],
    [new NoUtteranceError(), 'STT_NO_UTTERANCE', 'NoUtteranceError'],
    [new SttWorkerError('RangeError', 'x'), 'STT_WORKER', 'RangeError'],
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
    const netError = new TypeError('fetch failed');
    expect(new ModelDownloadError('network', 'x', { cause: netError }).cause).toBe(netError);
  });
});
