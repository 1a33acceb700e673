/**
 * What main needs from the on-device speech-to-text engine (`electron/src/stt/`, whose `SttEngine`
 * satisfies this structurally): load the model with progress, then transcribe 16 kHz mono Float32
 * audio off the main thread. Main depends on this narrow contract so tests can pass a
 * deterministic engine.
 */
export interface SttEngineLike {
  load(onProgress?: (progress: { fraction: number }) => void): Promise<void>;
  transcribe(pcm16k: Float32Array): Promise<{ text: string }>;
  dispose?(): Promise<void>;
}

export function transcriptText(out: { text: string }): string {
  return out.text.replace(/\s+/g, ' ').trim();
}
