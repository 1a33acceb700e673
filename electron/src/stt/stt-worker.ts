/** Entry point of the worker thread that owns the Whisper sessions, keeping inference off the main thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { createSttRequestHandler } from './stt-worker-service.js';
import { WhisperOnnxEngine } from './whisper-onnx-engine.js';
import { whisperWorkerConfigSchema } from './worker-protocol.js';

if (!parentPort) throw new Error('stt-worker must run as a worker thread');
const port = parentPort;
const config = whisperWorkerConfigSchema.parse(workerData);
const engine = new WhisperOnnxEngine(config);
const handle = createSttRequestHandler(engine, port);
port.on('message', (message: unknown) => void handle(message));
