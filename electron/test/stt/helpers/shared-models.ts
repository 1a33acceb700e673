/**
 * Where the real whisper-tiny.en text files are: `shared/models/whisper-tiny.en` beside the clone
 * (`<repo>/../shared/...` in CI), or beside an ancestor of it when the checkout is a git worktree
 * nested deeper. They are read from there and never copied into the repository.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

export function sharedModelDir(name: string): string {
  const relative = join('shared', 'models', name);
  for (let dir = dirname(REPO_ROOT); ; dir = dirname(dir)) {
    const candidate = join(dir, relative);
    if (existsSync(join(candidate, 'config.json'))) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(`the shared ${name} text files are missing: expected them in ${resolve(REPO_ROOT, '..', relative)}`);
}
