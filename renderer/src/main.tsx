import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { createAudioController } from './audio/controller.js';
import { BridgeProvider } from './bridge/context.js';
import { devBridgeFor } from './bridge/devBridge.js';
import { selectBridge } from './bridge/select.js';
import { connectStores } from './stores/dispatch.js';
import './styles/popover.css';

const root = createRoot(document.getElementById('root')!);

function boot(): void {
  // Only the dev harness may fall back to the browser bridge. In a production build
  // `import.meta.env.DEV` is the constant false, so the harness and its transport (development
  // only) are tree-shaken out of the bundle; a test on the built output checks that they stay out.
  const picked = selectBridge(window, import.meta.env.DEV ? devBridgeFor : undefined);
  if ('error' in picked) {
    root.render(<p className="fatal">{picked.error}</p>);
    return;
  }
  const audio = createAudioController(picked.bridge);
  // Subscribe before the socket opens so session_ready is never missed.
  connectStores(picked.bridge, audio.effects);
  picked.start?.();
  root.render(
    <StrictMode>
      <BridgeProvider bridge={picked.bridge}>
        <App stopSpeaking={audio.stopSpeaking} />
      </BridgeProvider>
    </StrictMode>,
  );
}

boot();
