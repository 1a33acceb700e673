/**
 * Reads the PCM out of a RIFF/WAVE file (as flite and `espeak-ng --stdout` write them). espeak's
 * streamed header carries a placeholder data length, so the data chunk runs to the end of the buffer
 * whenever its declared size does not fit.
 */
export interface WavPcm {
  pcm: Buffer;
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
}

export function parseWav(buf: Buffer): WavPcm {
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('not a RIFF/WAVE buffer');
  }
  let off = 12;
  let fmt: Omit<WavPcm, 'pcm'> | undefined;
  while (off + 8 <= buf.length) {
    const id = buf.toString('ascii', off, off + 4);
    const size = buf.readUInt32LE(off + 4);
    const body = off + 8;
    if (id === 'fmt ') {
      fmt = { channels: buf.readUInt16LE(body + 2), sampleRate: buf.readUInt32LE(body + 4), bitsPerSample: buf.readUInt16LE(body + 14) };
    } else if (id === 'data') {
      if (!fmt) throw new Error('WAVE data before fmt');
      const end = body + size <= buf.length && size > 0 ? body + size : buf.length;
      const usable = end - ((end - body) % 2);
      return { ...fmt, pcm: buf.subarray(body, usable) };
    }
    off = body + size + (size % 2);
  }
  throw new Error('WAVE has no data chunk');
}

/** Mixes interleaved 16-bit channels down to mono (the app plays mono). */
export function toMono16(w: WavPcm): Buffer {
  if (w.bitsPerSample !== 16) throw new Error(`unsupported WAVE sample size ${w.bitsPerSample}`);
  if (w.channels === 1) return w.pcm;
  const frames = Math.floor(w.pcm.length / (2 * w.channels));
  const out = Buffer.alloc(frames * 2);
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let c = 0; c < w.channels; c++) sum += w.pcm.readInt16LE((f * w.channels + c) * 2);
    out.writeInt16LE(Math.round(sum / w.channels), f * 2);
  }
  return out;
}
