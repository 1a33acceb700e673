/**
 * Minimal RIFF/WAVE reader and writer. The STT path needs PCM samples from files (tests, benches, a
 * user-selected recording) and the main process needs a way to hand audio around; a full codec
 * library would be overkill for uncompressed PCM.
 */
import { VouchError } from '../../../backend/src/protocol/vouchError.js';

interface DecodedWav {
  sampleRate: number;
  channels: number;
  /** One Float32Array per channel, samples in [-1, 1]. */
  channelData: Float32Array[];
}

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_IEEE_FLOAT = 3;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

export class WavFormatError extends VouchError {
  static override readonly code: string = 'WAV_FORMAT';
  override name = 'WavFormatError';
}

function fourCC(view: DataView, offset: number): string {
  return String.fromCharCode(view.getUint8(offset), view.getUint8(offset + 1), view.getUint8(offset + 2), view.getUint8(offset + 3));
}

/**
 * Parses 8/16/24/32-bit integer PCM and 32/64-bit float WAV data. Tolerates a data chunk whose declared
 * size overruns the buffer (espeak-ng and other streaming writers leave it at 0xFFFFFFFF when they
 * cannot seek back), by reading what is there.
 */
export function parseWav(bytes: Uint8Array): DecodedWav {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || fourCC(view, 0) !== 'RIFF' || fourCC(view, 8) !== 'WAVE') {
    throw new WavFormatError('not a RIFF/WAVE file');
  }
  let format: { audioFormat: number; channels: number; sampleRate: number; bitsPerSample: number } | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.byteLength) {
    const id = fourCC(view, offset);
    const declaredSize = view.getUint32(offset + 4, true);
    const bodyStart = offset + 8;
    if (id === 'fmt ') {
      if (declaredSize < 16) throw new WavFormatError('fmt chunk too short');
      let audioFormat = view.getUint16(bodyStart, true);
      const bitsPerSample = view.getUint16(bodyStart + 14, true);
      if (audioFormat === WAVE_FORMAT_EXTENSIBLE && declaredSize >= 26) {
        // The sub-format GUID starts with the real format code.
        audioFormat = view.getUint16(bodyStart + 24, true);
      }
      format = {
        audioFormat,
        channels: view.getUint16(bodyStart + 2, true),
        sampleRate: view.getUint32(bodyStart + 4, true),
        bitsPerSample,
      };
    } else if (id === 'data') {
      if (!format) throw new WavFormatError('data chunk before fmt chunk');
      const available = bytes.byteLength - bodyStart;
      const size = Math.min(declaredSize, available);
      return decodeSamples(view, bodyStart, size, format);
    }
    // Chunks are padded to an even size.
    offset = bodyStart + declaredSize + (declaredSize % 2);
  }
  throw new WavFormatError('no data chunk');
}

function decodeSamples(
  view: DataView,
  start: number,
  size: number,
  format: { audioFormat: number; channels: number; sampleRate: number; bitsPerSample: number },
): DecodedWav {
  const { audioFormat, channels, sampleRate, bitsPerSample } = format;
  if (channels < 1) throw new WavFormatError('no channels');
  if (sampleRate < 1) throw new WavFormatError('invalid sample rate');
  const bytesPerSample = bitsPerSample / 8;
  if (!Number.isInteger(bytesPerSample) || bytesPerSample < 1) throw new WavFormatError(`unsupported bit depth ${bitsPerSample}`);
  const frameCount = Math.floor(size / (bytesPerSample * channels));
  const read = sampleReader(view, audioFormat, bitsPerSample);
  const channelData = Array.from({ length: channels }, () => new Float32Array(frameCount));
  let position = start;
  for (let frame = 0; frame < frameCount; frame++) {
    for (let channel = 0; channel < channels; channel++) {
      channelData[channel]![frame] = read(position);
      position += bytesPerSample;
    }
  }
  return { sampleRate, channels, channelData };
}

function sampleReader(view: DataView, audioFormat: number, bits: number): (offset: number) => number {
  if (audioFormat === WAVE_FORMAT_PCM) {
    switch (bits) {
      case 8:
        return (o) => (view.getUint8(o) - 128) / 128;
      case 16:
        return (o) => view.getInt16(o, true) / 32768;
      case 24:
        return (o) => {
          const value = view.getUint8(o) | (view.getUint8(o + 1) << 8) | (view.getInt8(o + 2) << 16);
          return value / 8388608;
        };
      case 32:
        return (o) => view.getInt32(o, true) / 2147483648;
    }
  } else if (audioFormat === WAVE_FORMAT_IEEE_FLOAT) {
    if (bits === 32) return (o) => view.getFloat32(o, true);
    if (bits === 64) return (o) => view.getFloat64(o, true);
  }
  throw new WavFormatError(`unsupported WAV encoding (format ${audioFormat}, ${bits} bits)`);
}

/** Encodes mono float samples as 16-bit PCM WAV (used to hand clips to tools and in tests). */
export function encodeWavPcm16(samples: Float32Array, sampleRate: number): Uint8Array {
  const dataSize = samples.length * 2;
  const out = new Uint8Array(44 + dataSize);
  const view = new DataView(out.buffer);
  const writeTag = (offset: number, tag: string) => {
    for (let i = 0; i < 4; i++) view.setUint8(offset + i, tag.charCodeAt(i));
  };
  writeTag(0, 'RIFF');
  view.setUint32(4, 36 + dataSize, true);
  writeTag(8, 'WAVE');
  writeTag(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, WAVE_FORMAT_PCM, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  writeTag(36, 'data');
  view.setUint32(40, dataSize, true);
  for (let i = 0; i < samples.length; i++) {
    const clamped = Math.max(-1, Math.min(1, samples[i]!));
    view.setInt16(44 + i * 2, Math.round(clamped * 32767), true);
  }
  return out;
}
