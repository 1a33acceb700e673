// Generates the tray's "thinking" and "attention" icons (16 px and 32 px @2x) from the idle
// microphone in resources/tray/, so all variants share one glyph. Black on transparent: on macOS
// they are template images (tray.ts), which the menu bar recolours for light and dark.
// Usage: node scripts/tray-icons.mjs   (rewrites resources/tray/{thinking,attention}{,@2x}.png)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';

const dir = join(import.meta.dirname, '../resources/tray');

/** @typedef {{ width: number, height: number, px: Buffer }} Image */
/** @typedef {(u: number, v: number) => boolean} Shape */

/** RGBA pixels of an 8-bit RGBA, non-interlaced PNG whose rows all use filter 0 (what this script writes). */
/** @param {string} file @returns {Image} */
function decode(file) {
  const buf = readFileSync(file);
  let width = 0;
  let height = 0;
  const idat = [];
  for (let o = 8; o < buf.length;) {
    const len = buf.readUInt32BE(o);
    const type = buf.toString('ascii', o + 4, o + 8);
    if (type === 'IHDR') {
      width = buf.readUInt32BE(o + 8);
      height = buf.readUInt32BE(o + 12);
      if (buf[o + 16] !== 8 || buf[o + 17] !== 6 || buf[o + 20] !== 0) throw new Error(`${file}: not 8-bit RGBA non-interlaced`);
    }
    if (type === 'IDAT') idat.push(buf.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const px = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    if (raw[y * (width * 4 + 1)] !== 0) throw new Error(`${file}: row filter other than 0`);
    raw.copy(px, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, px };
}

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
/** @param {Buffer} b */
const crc32 = (b) => {
  let c = -1;
  for (const x of b) c = /** @type {number} */ (CRC[(c ^ x) & 0xff]) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
};
/** @param {string} type @param {Buffer} data */
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};
/** @param {Image} img */
function encode({ width, height, px }) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) px.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Draws a badge in the top-right corner: `shape(u, v)` in badge units (0..1 square) → inside?
 * A clear margin around it keeps it apart from the microphone. Supersampled 4×4 for smooth edges.
 */
/** @param {Image} img @param {{ shape: Shape, outline: Shape }} badge @returns {Image} */
function withBadge(img, { shape, outline }) {
  const { width, px } = img;
  const size = width * 0.5; // the badge's square
  const x0 = width - size;
  const margin = width / 16;
  const out = Buffer.from(px);
  for (let y = 0; y < size + margin; y++) {
    for (let x = Math.floor(x0 - margin); x < width; x++) {
      let cover = 0;
      let clear = 0;
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const u = (x + (sx + 0.5) / 4 - x0) / size;
          const v = (y + (sy + 0.5) / 4) / size;
          if (shape(u, v)) cover++;
          // The margin: within `margin` of the badge's outline (the shape dilated, sampled in 16 directions).
          const m = margin / size;
          const near = Array.from({ length: 16 }, (_, k) => (k * Math.PI) / 8).some((a) =>
            outline(u + m * Math.cos(a), v + m * Math.sin(a)),
          );
          if (outline(u, v) || near) clear++;
        }
      const i = (y * width + x) * 4;
      const keep = /** @type {number} */ (out[i + 3]) * (1 - clear / 16);
      out[i] = out[i + 1] = out[i + 2] = 0;
      out[i + 3] = Math.round(Math.max(keep, (255 * cover) / 16));
    }
  }
  return { ...img, px: out };
}

/** @type {(u: number, v: number, r?: number) => boolean} */
const disc = (u, v, r = 0.5) => Math.hypot(u - 0.5, v - 0.5) <= r;
/** @type {Record<string, { shape: Shape, outline: Shape }>} */
const BADGES = {
  // Three dots: Vouch is working on the request.
  thinking: {
    shape: (u, v) => [0.17, 0.5, 0.83].some((cu) => Math.hypot(u - cu, v - 0.5) <= 0.15),
    outline: (u, v) => [0.17, 0.5, 0.83].some((cu) => Math.hypot(u - cu, v - 0.5) <= 0.15),
  },
  // A filled disc with an exclamation mark cut out: something waits for the person.
  attention: {
    shape: (u, v) => {
      if (!disc(u, v)) return false;
      const bar = Math.abs(u - 0.5) <= 0.09 && v >= 0.18 && v <= 0.6;
      const dot = Math.hypot(u - 0.5, v - 0.77) <= 0.09;
      return !(bar || dot);
    },
    outline: (u, v) => disc(u, v),
  },
};

for (const [name, badge] of Object.entries(BADGES)) {
  for (const suffix of ['', '@2x']) {
    const base = decode(join(dir, `idle${suffix}.png`));
    writeFileSync(join(dir, `${name}${suffix}.png`), encode(withBadge(base, badge)));
  }
}
