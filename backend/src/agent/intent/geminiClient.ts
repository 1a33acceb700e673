import { GoogleGenAI } from '@google/genai';

export interface GeminiSettings {
  apiKey: string;
  /** Unset for Google; the local stand-in's URL in tests and the embedded demo. */
  baseUrl?: string;
  model: string;
  /** Per-request time limit; a slow model falls back to the offline path instead of stalling a reply. */
  timeoutMs?: number;
  /**
   * Attempts including the first. The SDK's default (5, backing off from 1 s) suits batch jobs, not
   * a person waiting for an answer, so interactive calls retry at most once.
   */
  attempts?: number;
}

/** One configured SDK client; intent, reply and embeddings share it. */
export function createGeminiClient(s: Pick<GeminiSettings, 'apiKey' | 'baseUrl' | 'timeoutMs' | 'attempts'>): GoogleGenAI {
  return new GoogleGenAI({
    apiKey: s.apiKey,
    httpOptions: {
      ...(s.baseUrl ? { baseUrl: s.baseUrl } : {}),
      timeout: s.timeoutMs ?? 15_000,
      retryOptions: { attempts: s.attempts ?? 2, initialDelay: 0.25, maxDelay: 1 },
    },
  });
}
