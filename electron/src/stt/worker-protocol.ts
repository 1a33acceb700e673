/**
 * Messages between the app and the STT worker. Both directions are validated: the worker must not act
 * on a malformed request, and the app must not trust a malformed reply (e.g. after a version skew
 * between main and a utility-process build).
 */
import { z } from 'zod';

export const whisperWorkerConfigSchema = z.object({
  engine: z.literal('whisper-onnx'),
  modelDir: z.string().min(1),
  variant: z.string().min(1).optional(),
  intraOpNumThreads: z.number().int().positive().optional(),
  maxNewTokens: z.number().int().positive().optional(),
  warmUp: z.boolean().optional(),
  vad: z
    .union([
      z.literal(false),
      z.object({
        frameMs: z.number().positive().optional(),
        thresholdDb: z.number().optional(),
        minSpeechDbfs: z.number().optional(),
        peakMarginDb: z.number().nonnegative().optional(),
        padMs: z.number().nonnegative().optional(),
      }),
    ])
    .optional(),
});
export type SttWorkerConfig = z.infer<typeof whisperWorkerConfigSchema>;

const requestId = z.number().int().nonnegative();

export const workerRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('load'), id: requestId }),
  z.object({ type: z.literal('transcribe'), id: requestId, pcm: z.instanceof(Float32Array) }),
  z.object({ type: z.literal('dispose'), id: requestId }),
  // Streaming push-to-talk: begin and append are not answered; finish answers with the transcription
  // (or with the error a begin or append met).
  z.object({ type: z.literal('utterance-begin'), id: requestId }),
  z.object({ type: z.literal('utterance-append'), id: requestId, pcm: z.instanceof(Float32Array) }),
  z.object({ type: z.literal('utterance-finish'), id: requestId }),
]);
export type WorkerRequest = z.infer<typeof workerRequestSchema>;

const progressSchema = z.object({
  stage: z.enum(['resolving', 'tokenizer', 'encoder', 'decoder', 'warming', 'ready']),
  fraction: z.number().min(0).max(1),
});

export const workerReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), id: requestId, progress: progressSchema }),
  z.object({ type: z.literal('loaded'), id: requestId }),
  z.object({
    type: z.literal('transcription'),
    id: requestId,
    result: z.object({
      text: z.string(),
      durationMs: z.number(),
      audioMs: z.number(),
      speechMs: z.number(),
      stages: z.object({ featuresMs: z.number(), encoderMs: z.number(), decoderMs: z.number(), decoderSteps: z.number().int() }).optional(),
    }),
  }),
  z.object({ type: z.literal('disposed'), id: requestId }),
  // id is null when the request itself could not be parsed.
  z.object({ type: z.literal('error'), id: requestId.nullable(), name: z.string(), message: z.string() }),
]);
export type WorkerReply = z.infer<typeof workerReplySchema>;
