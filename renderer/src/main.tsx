import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { createAudioController } from './audio/controller.js';
import { BridgeProvider } from './bridge/context.js';
import { hostBridgeFor } from './bridge/hostBridge.js';
import { selectBridge } from './bridge/select.js';
import { connectStores } from './stores/dispatch.js';
import './styles/popover.css';

const root = createRoot(document.getElementById('root')!);

function boot(): void {
  // Only in development may the page attach to the desktop host (the browser demo, the system e2e
  // suite). In a production build `import.meta.env.DEV` is the constant false, so the host
  // transport is tree-shaken out of the bundle; a test on the built output checks that it stays out.
  const picked = selectBridge(window, import.meta.env.DEV ? hostBridgeFor : undefined);
  if ('error' in picked) {
    root.render(<p className="fatal">{picked.error}</p>);
    return;
  }
  const audio = createAudioController(picked.bridge);
  // Subscribe before any event can arrive, so none is missed.
  connectStores(picked.bridge, audio.effects);
  picked.start?.();
  const popover = (
    <StrictMode>
      <BridgeProvider bridge={picked.bridge}>
        <App stopSpeaking={audio.stopSpeaking} />
      </BridgeProvider>
    </StrictMode>
  );
  // Development only, like the host transport: the desktop around the popover (dev tray strip,
  // notifications; dev/devShell.tsx). The constant-false branch drops it from production bundles.
  const dev = import.meta.env.DEV ? picked.dev : undefined;
  if (dev) void import('./dev/devShell.js').then(({ withDevShell }) => root.render(withDevShell(dev, popover, window)));
  else root.render(popover);
}

boot();
