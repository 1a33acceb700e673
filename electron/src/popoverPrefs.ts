/**
 * The popover's webPreferences (Electron security checklist #2-4, #6, #8-12), as a constant so a
 * test pins every flag; popover.ts adds only the preload path.
 */
export const POPOVER_WEB_PREFERENCES = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
  safeDialogs: true,
  navigateOnDragDrop: false,
});
