/**
 * A speech model host for end-to-end tests: the generated Whisper stand-in (fake-whisper-model.ts)
 * served over real HTTP by ModelServer, and a resources folder whose pinned manifest
 * (models/<name>.json) lists those files with their own SHA-256 digests. Point the app's or the
 * desktop host's model base URL at `baseUrl` and its resources folder at `resourcesDir`.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DEFAULT_MODEL_NAME, type ModelManifest } from '../../../src/stt/model-manifest.js';
import { writeFakeWhisperModel } from './fake-whisper-model.js';
import { ModelServer } from './model-server.js';

const REPOSITORY = 'vouch-test/fake-whisper';
const REVISION = 'test-r1';

export interface FakeModelHost {
  server: ModelServer;
  baseUrl: string;
  resourcesDir: string;
  manifest: ModelManifest;
  stop(): Promise<void>;
}

export async function startFakeModelHost(): Promise<FakeModelHost> {
  const root = await mkdtemp(join(tmpdir(), 'vouch-model-host-'));
  const source = join(root, 'source');
  await writeFakeWhisperModel(source, { merged: true });
  const files: Record<string, Uint8Array> = {};
  const entries = await readdir(source, { recursive: true, withFileTypes: true });
  for (const e of entries.filter((x) => x.isFile())) {
    const path = relative(source, join(e.parentPath, e.name));
    files[path] = await readFile(join(source, path));
  }
  const manifest: ModelManifest = {
    name: DEFAULT_MODEL_NAME,
    repository: REPOSITORY,
    revision: REVISION,
    files: Object.entries(files).map(([path, body]) => ({
      path,
      sha256: createHash('sha256').update(body).digest('hex'),
      size: body.length,
    })),
  };
  const resourcesDir = join(root, 'resources');
  await mkdir(join(resourcesDir, 'models'), { recursive: true });
  await writeFile(join(resourcesDir, 'models', `${DEFAULT_MODEL_NAME}.json`), JSON.stringify(manifest));
  const server = new ModelServer(REPOSITORY, REVISION, files);
  const baseUrl = await server.start();
  return {
    server,
    baseUrl,
    resourcesDir,
    manifest,
    stop: async () => {
      await server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
