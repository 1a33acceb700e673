/**
 * Sample-format helpers for the 16 kHz mono pipeline (renderer Int16 → Whisper Float32).
 * The STT module owns the conversions (including a band-limited resampler for a renderer whose
 * AudioContext could not run at 16 kHz); main reuses them rather than keeping a second copy.
 */
export { int16ToFloat32, resample, WHISPER_SAMPLE_RATE as STT_SAMPLE_RATE } from '../stt/resample.js';
