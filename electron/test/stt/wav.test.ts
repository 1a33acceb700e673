import { describe, expect, it } from 'vitest';
import { encodeWavPcm16, parseWav, WavFormatError } from '../../src/stt/wav.js';

function header(opts: { format: number; channels: number; rate: number; bits: number; dataSize: number; extraChunk?: boolean }): DataView {
  const extra = opts.extraChunk ? 8 + 3 + 1 : 0; // a 3-byte chunk plus its pad byte
  const buf = new ArrayBuffer(44 + extra + opts.dataSize);
  const v = new DataView(buf);
  const tag = (o: number, s: string) => [...s].forEach((c, i) => v.setUint8(o + i, c.charCodeAt(0)));
  tag(0, 'RIFF');
  v.setUint32(4, buf.byteLength - 8, true);
  tag(8, 'WAVE');
  tag(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, opts.format, true);
  v.setUint16(22, opts.channels, true);
  v.setUint32(24, opts.rate, true);
  v.setUint32(28, (opts.rate * opts.channels * opts.bits) / 8, true);
  v.setUint16(32, (opts.channels * opts.bits) / 8, true);
  v.setUint16(34, opts.bits, true);
  let o = 36;
  if (opts.extraChunk) {
    tag(o, 'LIST');
    v.setUint32(o + 4, 3, true);
    o += 12;
  }
  tag(o, 'data');
  v.setUint32(o + 4, opts.dataSize, true);
  return v;
}

describe('parseWav', () => {
  it('reads 16-bit stereo PCM into per-channel floats, skipping unknown chunks (with odd-size padding)', () => {
    const v = header({ format: 1, channels: 2, rate: 22050, bits: 16, dataSize: 8, extraChunk: true });
    const dataStart = 44 + 12;
    v.setInt16(dataStart, 16384, true);
    v.setInt16(dataStart + 2, -32768, true);
    v.setInt16(dataStart + 4, -16384, true);
    v.setInt16(dataStart + 6, 32767, true);
    const wav = parseWav(new Uint8Array(v.buffer));
    expect(wav.sampleRate).toBe(22050);
    expect(wav.channels).toBe(2);
    expect(Array.from(wav.channelData[0]!)).toEqual([0.5, -0.5]);
    expect(Array.from(wav.channelData[1]!)).toEqual([-1, 32767 / 32768]);
  });

  it('reads 32-bit float and 24-bit PCM', () => {
    const f = header({ format: 3, channels: 1, rate: 16000, bits: 32, dataSize: 8 });
    f.setFloat32(44, 0.25, true);
    f.setFloat32(48, -0.75, true);
    expect(Array.from(parseWav(new Uint8Array(f.buffer)).channelData[0]!)).toEqual([0.25, -0.75]);
    const p = header({ format: 1, channels: 1, rate: 16000, bits: 24, dataSize: 3 });
    // -4194304 = 0xC00000 little-endian: 00 00 C0 -> -0.5
    p.setUint8(46, 0xc0);
    expect(Array.from(parseWav(new Uint8Array(p.buffer)).channelData[0]!)).toEqual([-0.5]);
  });

  it('reads what is there when the data size was left unset by a streaming writer', () => {
    const v = header({ format: 1, channels: 1, rate: 8000, bits: 16, dataSize: 4 });
    v.setUint32(40, 0xffffffff, true);
    v.setInt16(44, 8192, true);
    v.setInt16(46, 8192, true);
    expect(Array.from(parseWav(new Uint8Array(v.buffer)).channelData[0]!)).toEqual([0.25, 0.25]);
  });

  it('round-trips encodeWavPcm16 within 16-bit precision', () => {
    const samples = Float32Array.from({ length: 100 }, (_, i) => Math.sin(i / 5) * 0.9);
    const wav = parseWav(encodeWavPcm16(samples, 16000));
    expect(wav.sampleRate).toBe(16000);
    wav.channelData[0]!.forEach((s, i) => expect(Math.abs(s - samples[i]!)).toBeLessThan(1 / 16000));
  });

  it('rejects non-WAV data and unsupported encodings', () => {
    expect(() => parseWav(new TextEncoder().encode('ID3 not a wav at all'))).toThrow(WavFormatError);
    expect(() => parseWav(new Uint8Array(header({ format: 2, channels: 1, rate: 8000, bits: 4, dataSize: 2 }).buffer))).toThrow(
      WavFormatError,
    );
    const noData = new Uint8Array(header({ format: 1, channels: 1, rate: 8000, bits: 16, dataSize: 0 }).buffer.slice(0, 36));
    expect(() => parseWav(noData)).toThrow(/no data chunk/);
  });
});
