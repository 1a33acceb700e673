/**
 * Generates the tray and app icons as PNGs with a minimal encoder (zlib + CRC32), so the repository
 * carries no opaque binary tooling: `tsx electron/scripts/make-icons.ts`.
 * Tray images are black on transparent (macOS template images; other platforms show them as is),
 * at 1x (16 px) and 2x (32 px, `@2x` suffix, which Electron picks up on HiDPI screens).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

export function encodePng(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Anti-aliased coverage of a shape sampled 4×4 per pixel. */
function shape(size: number, inside: (u: number, v: number) => boolean, rgb: [number, number, number]) {
  return encodePng(size, (x, y) => {
    let hits = 0;
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (inside((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size)) hits++;
    return [...rgb, Math.round((hits / 16) * 255)];
  });
}

const dist = (u: number, v: number, cx: number, cy: number) => Math.hypot(u - cx, v - cy);
// A microphone: rounded capsule, a cradle arc and a stand.
const mic = (u: number, v: number) =>
  (Math.abs(u - 0.5) <= 0.14 && v >= 0.22 && v <= 0.52) ||
  dist(u, v, 0.5, 0.22) <= 0.14 ||
  dist(u, v, 0.5, 0.52) <= 0.14 ||
  (v >= 0.5 && dist(u, v, 0.5, 0.5) <= 0.28 && dist(u, v, 0.5, 0.5) >= 0.21) ||
  (Math.abs(u - 0.5) <= 0.035 && v >= 0.76 && v <= 0.88) ||
  (Math.abs(u - 0.5) <= 0.18 && v >= 0.86 && v <= 0.92);
const listening = (u: number, v: number) => mic(u, v) || dist(u, v, 0.84, 0.16) <= 0.13;
const offline = (u: number, v: number) => (mic(u, v) && !(Math.abs(u - v) < 0.07)) || (Math.abs(u - v) < 0.045 && u > 0.1 && u < 0.9);

const out = new URL('../../resources/', import.meta.url);
mkdirSync(new URL('tray/', out), { recursive: true });
mkdirSync(new URL('icons/', out), { recursive: true });
for (const [name, fn] of [
  ['idle', mic],
  ['listening', listening],
  ['offline', offline],
] as const) {
  writeFileSync(new URL(`tray/${name}.png`, out), shape(16, fn, [0, 0, 0]));
  writeFileSync(new URL(`tray/${name}@2x.png`, out), shape(32, fn, [0, 0, 0]));
}
// App icon: white mic on a rounded indigo square.
const icon = encodePng(512, (x, y) => {
  const u = x / 512;
  const v = y / 512;
  const r = 0.2;
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if (dist(u, v, cx, cy) > r) return [0, 0, 0, 0];
  const m = mic((u - 0.2) / 0.6, (v - 0.18) / 0.64) && u > 0.2 && u < 0.8;
  return m ? [255, 255, 255, 255] : [79, 70, 229, 255];
});
writeFileSync(new URL('icons/icon.png', out), icon);
