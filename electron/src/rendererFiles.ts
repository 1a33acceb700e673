import { extname, resolve, sep } from 'node:path';
import { type AppOrigin, isAppUrl, parseUrl } from './appOrigin.js';

/**
 * Maps a `vouch://app/...` request to a file inside the built renderer directory. Anything that
 * would leave that directory (`..`, encoded separators) or comes from another origin is refused.
 */
export function rendererFileFor(rawUrl: string, rootDir: string, origin: AppOrigin): string | undefined {
  if (!isAppUrl(rawUrl, origin)) return undefined;
  const url = parseUrl(rawUrl)!;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return undefined;
  const rel = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = resolve(rootDir);
  const file = resolve(root, rel);
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  return file;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
