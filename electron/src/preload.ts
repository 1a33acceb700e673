/**
 * Preload (sandboxed: bundled to one CommonJS file, only `electron` is required at run time).
 * Exposes exactly the named `VouchBridge` functions as `window.vouch`; see ipc/createBridge.ts.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './ipc/createBridge.js';

contextBridge.exposeInMainWorld('vouch', createBridge(ipcRenderer));
