/**
 * A stand-in Whisper model folder with the exact file layout and tensor interface of an Optimum export,
 * but whose "decoder" is a lookup table scripted by sequence length (see below). It checks
 * everything around the network (file discovery, tokenizer, features -> encoder -> decoder plumbing,
 * key/value cache shapes, suppression of control tokens, stopping at end-of-text, the worker) with
 * onnxruntime-node for real, where no real weights are available.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildOnnxModel, DataType, type NodeSpec } from './onnx-writer.js';

/** GPT-2 byte-level spelling of a word preceded by a space. */
const spaced = (word: string) => `\u0120${word}`;

export const FAKE_WORDS = ['what', 'is', 'on', 'my', 'calendar', 'tomorrow'] as const;
const EOT = 8;
const SOT = 9;
const NO_TIMESTAMPS = 10;
const VOCAB = 11;
const POSITIONS = 16;

export const FAKE_EXPECTED_TEXT = FAKE_WORDS.join(' ');

export async function writeFakeWhisperModel(dir: string, options: { merged: boolean }): Promise<void> {
  await mkdir(join(dir, 'onnx'), { recursive: true });
  const vocab: Record<string, number> = {};
  FAKE_WORDS.forEach((w, i) => (vocab[spaced(w)] = i));
  vocab['!'] = 6;
  vocab['?'] = 7;
  const tokenizer = {
    model: { type: 'BPE', vocab },
    added_tokens: [
      { id: EOT, content: '<|endoftext|>', special: true },
      { id: SOT, content: '<|startoftranscript|>', special: true },
      { id: NO_TIMESTAMPS, content: '<|notimestamps|>', special: true },
    ],
  };
  await writeFile(join(dir, 'tokenizer.json'), JSON.stringify(tokenizer));
  await writeFile(
    join(dir, 'config.json'),
    JSON.stringify({ decoder_layers: 1, decoder_attention_heads: 1, d_model: 1, num_mel_bins: 80, max_target_positions: 64 }),
  );
  await writeFile(
    join(dir, 'generation_config.json'),
    JSON.stringify({
      is_multilingual: false,
      decoder_start_token_id: SOT,
      forced_decoder_ids: [[1, NO_TIMESTAMPS]],
      begin_suppress_tokens: [EOT],
      suppress_tokens: [7],
    }),
  );

  // Next-token script indexed by sequence length, not by token: row r holds the logits after a sequence
  // of r + 1 tokens (prompt of 2, then one per step). With the merged decoder the length is read from
  // the grown self-attention cache, so an engine that feeds back a stale or empty cache repeats a word.
  // Decoys (larger logits) sit on tokens that must be suppressed: SOT and EOT right after the prompt
  // (control token / begin-suppress), and '?' (listed in suppress_tokens) after "calendar".
  const table = new Float32Array(POSITIONS * VOCAB);
  const set = (row: number, token: number, value: number) => (table[row * VOCAB + token] = value);
  const promptLength = 2;
  FAKE_WORDS.forEach((_, i) => set(promptLength - 1 + i, i, 5));
  set(promptLength - 1 + FAKE_WORDS.length, EOT, 5);
  set(promptLength - 1, SOT, 9);
  set(promptLength - 1, EOT, 8);
  set(promptLength - 1 + 5, 7, 9);

  // Encoder: mean over time of the log-mel features -> [1, 1, 80] "hidden states".
  const encoder = buildOnnxModel({
    nodes: [
      { op: 'ReduceMean', inputs: ['input_features'], outputs: ['mean'], intLists: { axes: [2] }, ints: { keepdims: 1 } },
      { op: 'Transpose', inputs: ['mean'], outputs: ['last_hidden_state'], intLists: { perm: [0, 2, 1] } },
    ],
    inputs: [{ name: 'input_features', type: DataType.FLOAT, shape: [1, 80, 3000] }],
    outputs: [{ name: 'last_hidden_state', type: DataType.FLOAT, shape: [1, 1, 80] }],
  });
  await writeFile(join(dir, 'onnx', 'encoder_model.onnx'), encoder);

  // Logits = table[sequence length - 1] + 0 * sum(encoder_hidden_states): the encoder output must be fed.
  const logitNodes = (sequenceTensor: string, axis: number): NodeSpec[] => [
    { op: 'Shape', inputs: [sequenceTensor], outputs: ['seq_shape'] },
    { op: 'Gather', inputs: ['seq_shape', `axis_${axis}`], outputs: ['seq_len'], ints: { axis: 0 } },
    { op: 'Sub', inputs: ['seq_len', 'one_i64'], outputs: ['row'] },
    { op: 'Gather', inputs: ['table', 'row'], outputs: ['row_logits'], ints: { axis: 0 } },
    { op: 'Reshape', inputs: ['row_logits', 'logits_shape'], outputs: ['lookup'] },
    { op: 'ReduceSum', inputs: ['encoder_hidden_states'], outputs: ['states_sum'], ints: { keepdims: 1 } },
    { op: 'Mul', inputs: ['states_sum', 'zero'], outputs: ['states_zero'] },
    { op: 'Add', inputs: ['lookup', 'states_zero'], outputs: ['logits'] },
  ];
  const initializers = [
    { name: 'table', dims: [POSITIONS, VOCAB], data: table },
    { name: 'zero', dims: [], data: new Float32Array([0]) },
    { name: 'one_i64', dims: [1], data: BigInt64Array.from([1n]) },
    { name: 'axis_1', dims: [1], data: BigInt64Array.from([1n]) },
    { name: 'axis_2', dims: [1], data: BigInt64Array.from([2n]) },
    { name: 'logits_shape', dims: [3], data: BigInt64Array.from([1n, 1n, BigInt(VOCAB)]) },
  ];
  const baseInputs = [
    { name: 'input_ids', type: DataType.INT64, shape: [1, 'decoder_sequence_length'] },
    { name: 'encoder_hidden_states', type: DataType.FLOAT, shape: [1, 1, 80] },
  ];
  const logitsOutput = { name: 'logits', type: DataType.FLOAT, shape: [1, 1, VOCAB] };
  if (!options.merged) {
    await writeFile(
      join(dir, 'onnx', 'decoder_model.onnx'),
      buildOnnxModel({ nodes: logitNodes('input_ids', 1), inputs: baseInputs, outputs: [logitsOutput], initializers }),
    );
    return;
  }
  // Merged decoder with a cache of shape [1, heads=1, past, head_dim=1]: the self-attention cache grows by
  // the new tokens (Concat fails if the engine feeds a wrongly shaped past); the cross-attention cache
  // is derived from the encoder output.
  const kvShape = (len: string) => [1, 1, len, 1];
  const merged = buildOnnxModel({
    nodes: [
      ...logitNodes('present.0.decoder.key', 2),
      { op: 'Cast', inputs: ['input_ids'], outputs: ['ids_float'], ints: { to: DataType.FLOAT } },
      { op: 'Reshape', inputs: ['ids_float', 'kv_shape'], outputs: ['new_kv'] },
      { op: 'Concat', inputs: ['past_key_values.0.decoder.key', 'new_kv'], outputs: ['present.0.decoder.key'], ints: { axis: 2 } },
      { op: 'Concat', inputs: ['past_key_values.0.decoder.value', 'new_kv'], outputs: ['present.0.decoder.value'], ints: { axis: 2 } },
      { op: 'Reshape', inputs: ['states_sum', 'one_kv_shape'], outputs: ['present.0.encoder.key'] },
      { op: 'Reshape', inputs: ['states_sum', 'one_kv_shape'], outputs: ['present.0.encoder.value'] },
    ],
    initializers: [
      ...initializers,
      { name: 'kv_shape', dims: [4], data: BigInt64Array.from([1n, 1n, -1n, 1n]) },
      { name: 'one_kv_shape', dims: [4], data: BigInt64Array.from([1n, 1n, 1n, 1n]) },
    ],
    inputs: [
      ...baseInputs,
      { name: 'past_key_values.0.decoder.key', type: DataType.FLOAT, shape: kvShape('past_decoder_sequence_length') },
      { name: 'past_key_values.0.decoder.value', type: DataType.FLOAT, shape: kvShape('past_decoder_sequence_length') },
      { name: 'past_key_values.0.encoder.key', type: DataType.FLOAT, shape: kvShape('encoder_sequence_length_out') },
      { name: 'past_key_values.0.encoder.value', type: DataType.FLOAT, shape: kvShape('encoder_sequence_length_out') },
      { name: 'use_cache_branch', type: DataType.BOOL, shape: [1] },
    ],
    outputs: [
      logitsOutput,
      { name: 'present.0.decoder.key', type: DataType.FLOAT, shape: kvShape('total') },
      { name: 'present.0.decoder.value', type: DataType.FLOAT, shape: kvShape('total') },
      { name: 'present.0.encoder.key', type: DataType.FLOAT, shape: [1, 1, 1, 1] },
      { name: 'present.0.encoder.value', type: DataType.FLOAT, shape: [1, 1, 1, 1] },
    ],
  });
  await writeFile(join(dir, 'onnx', 'decoder_model_merged.onnx'), merged);
}
