/**
 * The request loop of the STT worker, independent of how it is hosted: a worker_threads Worker today,
 * an Electron utilityProcess later (both expose a port with postMessage and message events).
 */
import { workerRequestSchema, type WorkerReply } from './worker-protocol.js';
import type { StreamingSttEngine, SttEngine } from './stt-engine.js';

interface ReplyPort {
  postMessage(message: WorkerReply): void;
}

function isStreaming(engine: SttEngine): engine is StreamingSttEngine {
  return 'beginUtterance' in engine;
}

export function createSttRequestHandler(engine: SttEngine, port: ReplyPort): (raw: unknown) => Promise<void> {
  // The first error met by an unanswered begin/append, reported by the utterance's finish.
  let utteranceError: Error | undefined;
  // Requests are served one at a time: the engine holds one set of sessions and inference is CPU bound,
  // so overlapping requests would only slow each other down.
  let queue: Promise<void> = Promise.resolve();
  const serve = async (raw: unknown): Promise<void> => {
    const parsed = workerRequestSchema.safeParse(raw);
    if (!parsed.success) {
      const id = typeof (raw as { id?: unknown })?.id === 'number' ? (raw as { id: number }).id : null;
      port.postMessage({ type: 'error', id, name: 'BadRequest', message: parsed.error.message });
      return;
    }
    const request = parsed.data;
    try {
      switch (request.type) {
        case 'load':
          await engine.load((progress) => port.postMessage({ type: 'progress', id: request.id, progress }));
          port.postMessage({ type: 'loaded', id: request.id });
          break;
        case 'transcribe':
          port.postMessage({ type: 'transcription', id: request.id, result: await engine.transcribe(request.pcm) });
          break;
        case 'utterance-begin':
        case 'utterance-append':
          try {
            if (!isStreaming(engine)) throw new Error('this engine does not stream');
            if (request.type === 'utterance-begin') {
              utteranceError = undefined;
              engine.beginUtterance();
            } else engine.appendAudio(request.pcm);
          } catch (error) {
            utteranceError ??= error instanceof Error ? error : new Error(String(error));
          }
          break;
        case 'utterance-finish': {
          const failed = utteranceError;
          utteranceError = undefined;
          if (failed) throw failed;
          if (!isStreaming(engine)) throw new Error('this engine does not stream');
          port.postMessage({ type: 'transcription', id: request.id, result: await engine.finishUtterance() });
          break;
        }
        case 'dispose':
          await engine.dispose();
          port.postMessage({ type: 'disposed', id: request.id });
          break;
      }
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ type: 'error', id: request.id, name: err.name, message: err.message });
    }
  };
  return (raw) => {
    queue = queue.then(() => serve(raw));
    return queue;
  };
}
