import type { BridgeMethod } from '../bridge/contract.js';

/** One IPC channel per bridge method, plus the single main→renderer event channel. */
export const channelFor = (method: Exclude<BridgeMethod, 'onEvent'>): string => `vouch:${method}`;
export const EVENT_CHANNEL = 'vouch:event';
/** Methods that are fire-and-forget (`send`), because they stream at a high rate and return nothing. */
export const SEND_METHODS = new Set<BridgeMethod>(['pushAudio']);
