/**
 * Where the app looks for Whisper weights on disk, in order: a folder the user selected (kept in
 * settings and passed in), an environment override for development and CI, or the app's bundled
 * resources folder. The model manager's download (model-manager.ts) is tried after these.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const WHISPER_MODEL_DIR_ENV = 'VOUCH_WHISPER_MODEL_DIR';

/** Folder names tried under the resources/models folder, best first. */
const BUNDLED_MODEL_FOLDERS = ['whisper-tiny.en', 'whisper-base.en', 'whisper-tiny', 'whisper-base'] as const;

interface ModelLocationInputs {
  /** Folder the user picked in the app (settings). */
  userSelectedDir?: string | undefined;
  /** Development and CI (tests, bench): an environment to read VOUCH_WHISPER_MODEL_DIR from. The app passes its config's value as `userSelectedDir` instead. */
  env?: Record<string, string | undefined>;
  /** The app's resources folder (process.resourcesPath/resources when packaged, the repo's resources/ in development). */
  resourcesDir?: string;
}

/** Returns the first candidate folder that holds a config.json, or undefined when none does. */
export function locateWhisperModelDir(inputs: ModelLocationInputs = {}): string | undefined {
  const env = inputs.env ?? {};
  const candidates: string[] = [];
  if (inputs.userSelectedDir) candidates.push(inputs.userSelectedDir);
  const fromEnv = env[WHISPER_MODEL_DIR_ENV];
  if (fromEnv) candidates.push(fromEnv);
  const resourcesDir = inputs.resourcesDir ?? resolve('resources');
  for (const folder of BUNDLED_MODEL_FOLDERS) candidates.push(join(resourcesDir, 'models', folder));
  return candidates.find((dir) => existsSync(join(dir, 'config.json')));
}
