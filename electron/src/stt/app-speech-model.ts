/**
 * Assembles the speech model for a host (the Electron app, the desktop host, tests): pinned manifest
 * from resources/models, downloads into <userData>/models, a folder found on disk first, and the
 * Whisper engine in a worker thread. Electron-free: the caller passes its fetch.
 */
import { join } from 'node:path';
import { validateModelFolder } from './model-folder.js';
import { locateWhisperModelDir } from './model-location.js';
import { ModelManager, type FetchLike } from './model-manager.js';
import { readModelManifest } from './model-manifest.js';
import { SpeechModel } from './speech-model.js';
import { WorkerSttEngine } from './worker-stt-engine.js';

interface AppSpeechModelOptions {
  /** Electron's net.fetch in the app (OS proxy and certificates); Node's fetch elsewhere. */
  fetch: FetchLike;
  userDataDir: string;
  resourcesDir: string;
  /** A folder picked with "Use a folder…", remembered in settings. */
  userSelectedDir?: string | undefined;
  /** The desktop config's speech settings (VOUCH_MODEL_BASE_URL, VOUCH_WHISPER_MODEL_DIR, …); read nowhere else. */
  env?: Record<string, string | undefined>;
}

export async function createAppSpeechModel(options: AppSpeechModelOptions): Promise<SpeechModel> {
  const env = options.env ?? {};
  const manifest = await readModelManifest(options.resourcesDir);
  const downloader = new ModelManager({ manifest, modelsDir: join(options.userDataDir, 'models'), fetch: options.fetch, env });
  return new SpeechModel({
    locate: () => locateWhisperModelDir({ userSelectedDir: options.userSelectedDir, env, resourcesDir: options.resourcesDir }),
    downloader,
    createEngine: (modelDir) => new WorkerSttEngine({ engine: 'whisper-onnx', modelDir }),
    validateFolder: validateModelFolder,
  });
}
