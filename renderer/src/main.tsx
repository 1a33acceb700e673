import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { createAudioController } from './audio/controller.js';
import { BridgeProvider } from './bridge/context.js';
import { selectBridge } from './bridge/select.js';
import { connectStores } from './stores/dispatch.js';
import './styles/popover.css';

const root = createRoot(document.getElementById('root')!);
const picked = selectBridge(window, import.meta.env.DEV);

if ('error' in picked) {
  root.render(<p className="fatal">{picked.error}</p>);
} else {
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
