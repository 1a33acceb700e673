export { ConversationBuffer, ConversationStore } from './conversation.js';
export { type Embedder, GeminiEmbedder, LocalEmbedder } from './embedder.js';
export { forgetNote, NOTE_PREFIX, noteText, noteToForget, type NoteMemory } from './notes.js';
export { LongTermMemory, type LongTermMemoryOptions, type MemoryItem, type MemoryMeta, type RecalledMemory } from './longTerm.js';
