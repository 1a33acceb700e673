/** Messages between FliteSynthesizer and its worker thread (flite-worker.ts), validated both ways. */
import { z } from 'zod';

export const FLITE_VOICES = ['kal16', 'kal', 'slt', 'rms', 'awb'] as const;
export type FliteVoice = (typeof FLITE_VOICES)[number];

export const fliteWorkerDataSchema = z.object({
  wasmPath: z.string().min(1),
  /** Scratch folder preopened to the WASI program as /io. */
  dir: z.string().min(1),
  voice: z.enum(FLITE_VOICES),
});
export type FliteWorkerData = z.infer<typeof fliteWorkerDataSchema>;

export const fliteRequestSchema = z.object({ id: z.number().int().positive(), text: z.string() });
export type FliteRequest = z.infer<typeof fliteRequestSchema>;

export const fliteReplySchema = z.discriminatedUnion('type', [
  /** The module is compiled, a first sentence was spoken to warm it, and an instance waits. */
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('wav'), id: z.number().int().positive(), wav: z.instanceof(Uint8Array) }),
  z.object({ type: z.literal('error'), id: z.number().int().positive().nullable(), message: z.string() }),
]);
export type FliteReply = z.infer<typeof fliteReplySchema>;
