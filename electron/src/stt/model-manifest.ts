/**
 * The pinned description of a downloadable speech model (resources/models/<name>.json): where it is
 * published, at which revision, and the SHA-256 of every file, so nothing unverified is ever loaded.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

const relativePath = z
  .string()
  .min(1)
  .refine(
    (p) => !p.startsWith('/') && !p.split('/').some((part) => part === '..' || part === '' || part === '.'),
    'must be a plain relative path',
  );

const modelManifestSchema = z.object({
  name: z.string().regex(/^[A-Za-z0-9._-]+$/),
  description: z.string().optional(),
  /** owner/name on the model host. */
  repository: z.string().regex(/^[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+$/),
  revision: z.string().min(1),
  files: z
    .array(
      z.object({
        path: relativePath,
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        /** Bytes, when known; otherwise learned from the server before the download. */
        size: z.number().int().nonnegative().optional(),
      }),
    )
    .min(1),
});
export type ModelManifest = z.infer<typeof modelManifestSchema>;
export type ModelManifestFile = ModelManifest['files'][number];

export const DEFAULT_MODEL_NAME = 'whisper-tiny.en';

export async function readModelManifest(resourcesDir: string, name: string = DEFAULT_MODEL_NAME): Promise<ModelManifest> {
  const path = join(resourcesDir, 'models', `${name}.json`);
  return modelManifestSchema.parse(JSON.parse(await readFile(path, 'utf8')));
}
