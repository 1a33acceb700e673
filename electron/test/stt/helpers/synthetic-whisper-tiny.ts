/**
 * A Whisper-tiny-shaped model with random weights (d_model 384, 6 heads, 4+4 layers, 51864-token
 * vocabulary, 80 mel bins, 1500 encoder positions), in the Optimum file layout. Its transcripts are
 * meaningless, but its arithmetic and memory are those of the real network, so the benchmark can
 * measure the engine's cost where no real weights are installed.
 *
 * Decoder forms:
 * - 'merged' (default): the real export's form, decoder_model_merged with a key/value cache. An If on
 *   `use_cache_branch` computes the cross-attention keys/values from the encoder output on the first
 *   step and passes the cached ones through afterwards; self-attention appends to the cache.
 * - 'plain': decoder_model without cache, re-run over the whole prefix; projects only the last position.
 * `quantized` writes the linear layers as dynamic int8 (DynamicQuantizeLinear + MatMulInteger), as
 * the q8 `*_quantized.onnx` exports are; file names then carry `_quantized`.
 * Not modelled: the causal mask over the prompt (cost-neutral at these lengths).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildOnnxModel, DataType, type InitializerSpec, type NodeSpec } from './onnx-writer.js';

const D = 384;
const HEADS = 6;
const HEAD_DIM = D / HEADS;
const FF = 4 * D;
const LAYERS = 4;
const VOCAB = 51_864;
const MELS = 80;
const FRAMES = 3000;
const ENC_POS = 1500;
const MAX_POS = 448;

/** Deterministic pseudo-random weights scaled like a trained layer (std ~ 1/sqrt(fan_in)). */
function weights(count: number, fanIn: number, seed: number): Float32Array {
  const out = new Float32Array(count);
  let s = seed >>> 0 || 1;
  const scale = Math.sqrt(3 / fanIn);
  for (let i = 0; i < count; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out[i] = ((s / 4294967296) * 2 - 1) * scale;
  }
  return out;
}

/** Symmetric int8 weights with one scale, as dynamic quantization stores them. */
function int8Weights(count: number, fanIn: number, seed: number): { data: Int8Array; scale: number } {
  const real = weights(count, fanIn, seed);
  const scale = Math.sqrt(3 / fanIn) / 127;
  const data = new Int8Array(count);
  for (let i = 0; i < count; i++) data[i] = Math.max(-127, Math.min(127, Math.round(real[i]! / scale)));
  return { data, scale };
}

class GraphBuilder {
  nodes: NodeSpec[] = [];
  readonly initializers: InitializerSpec[] = [];
  private counter = 0;
  private seed = 1;

  constructor(private readonly quantized = false) {}

  /** Builds nodes into a separate list (an If branch); weights still go to the outer graph. */
  branch(build: () => string[]): { nodes: NodeSpec[]; results: string[] } {
    const outer = this.nodes;
    this.nodes = [];
    const results = build();
    const nodes = this.nodes;
    this.nodes = outer;
    return { nodes, results };
  }

  opMulti(op: string, inputs: string[], count: number, extra: Pick<NodeSpec, 'ints' | 'intLists' | 'graphs'> = {}): string[] {
    const outs = Array.from({ length: count }, () => this.fresh(op.toLowerCase()));
    this.nodes.push({ op, inputs, outputs: outs, ...extra });
    return outs;
  }

  fresh(prefix: string): string {
    return `${prefix}_${this.counter++}`;
  }

  param(dims: number[], fanIn: number, fill?: number): string {
    const name = this.fresh('w');
    const count = dims.reduce((a, b) => a * b, 1);
    const data = fill === undefined ? weights(count, fanIn, this.seed++) : new Float32Array(count).fill(fill);
    this.initializers.push({ name, dims, data });
    return name;
  }

  int64(values: number[]): string {
    const name = this.fresh('c');
    this.initializers.push({ name, dims: [values.length], data: BigInt64Array.from(values.map(BigInt)) });
    return name;
  }

  op(op: string, inputs: string[], extra: Pick<NodeSpec, 'ints' | 'intLists'> = {}): string {
    const out = this.fresh(op.toLowerCase());
    this.nodes.push({ op, inputs, outputs: [out], ...extra });
    return out;
  }

  linear(x: string, inDim: number, outDim: number): string {
    return this.op('Add', [this.matmul(x, inDim, outDim), this.param([outDim], 1, 0)]);
  }

  /** x · W, in fp32 or as dynamic int8 (activations quantized per call, weights stored as int8). */
  matmul(x: string, inDim: number, outDim: number): string {
    if (!this.quantized) return this.op('MatMul', [x, this.param([inDim, outDim], inDim)]);
    const { data, scale } = int8Weights(inDim * outDim, inDim, this.seed++);
    const w = this.fresh('wq');
    const wZero = this.fresh('wzp');
    this.initializers.push({ name: w, dims: [inDim, outDim], data }, { name: wZero, dims: [], data: new Int8Array([0]) });
    const [xq, xScale, xZero] = this.opMulti('DynamicQuantizeLinear', [x], 3);
    const product = this.op('MatMulInteger', [xq!, w, xZero!, wZero]);
    const asFloat = this.op('Cast', [product], { ints: { to: DataType.FLOAT } });
    return this.op('Mul', [asFloat, this.op('Mul', [xScale!, this.param([], 1, scale)])]);
  }

  layerNorm(x: string): string {
    return this.op('LayerNormalization', [x, this.param([D], 1, 1), this.param([D], 1, 0)], { ints: { axis: -1 } });
  }

  gelu(x: string): string {
    const sqrt2 = this.param([], 1, Math.SQRT2);
    const half = this.param([], 1, 0.5);
    const one = this.param([], 1, 1);
    const erf = this.op('Erf', [this.op('Div', [x, sqrt2])]);
    return this.op('Mul', [this.op('Mul', [x, half]), this.op('Add', [erf, one])]);
  }

  /** [1, T, D] -> [1, HEADS, T, HEAD_DIM] */
  splitHeads(x: string): string {
    return this.op('Transpose', [this.op('Reshape', [x, this.int64([1, -1, HEADS, HEAD_DIM])])], { intLists: { perm: [0, 2, 1, 3] } });
  }

  attention(queryInput: string, keyValueInput: string): string {
    const k = this.splitHeads(this.linear(keyValueInput, D, D));
    const v = this.splitHeads(this.linear(keyValueInput, D, D));
    return this.attend(queryInput, k, v);
  }

  /** Attention of the query input over keys/values already split into heads ([1, HEADS, T, HEAD_DIM]). */
  attend(queryInput: string, k: string, v: string): string {
    const q = this.splitHeads(this.linear(queryInput, D, D));
    const kT = this.op('Transpose', [k], { intLists: { perm: [0, 1, 3, 2] } });
    const scores = this.op('Mul', [this.op('MatMul', [q, kT]), this.param([], 1, 1 / Math.sqrt(HEAD_DIM))]);
    const context = this.op('MatMul', [this.op('Softmax', [scores], { ints: { axis: -1 } }), v]);
    const merged = this.op('Reshape', [this.op('Transpose', [context], { intLists: { perm: [0, 2, 1, 3] } }), this.int64([1, -1, D])]);
    return this.linear(merged, D, D);
  }

  /**
   * Whisper ties the output projection to the token embedding: one [VOCAB, D] table serves both the
   * lookup of input tokens and, transposed, the logits (int8 with one scale when quantized).
   */
  tiedEmbedding(): { lookup(ids: string): string; project(x: string): string } {
    if (!this.quantized) {
      const table = this.param([VOCAB, D], D);
      return {
        lookup: (ids) => this.op('Gather', [table, ids], { ints: { axis: 0 } }),
        project: (x) => this.op('MatMul', [x, this.op('Transpose', [table], { intLists: { perm: [1, 0] } })]),
      };
    }
    const { data, scale } = int8Weights(VOCAB * D, D, this.seed++);
    const table = this.fresh('embq');
    const zero = this.fresh('embzp');
    this.initializers.push({ name: table, dims: [VOCAB, D], data }, { name: zero, dims: [], data: new Int8Array([0]) });
    const scaleName = this.param([], 1, scale);
    return {
      lookup: (ids) =>
        this.op('Mul', [
          this.op('Cast', [this.op('Gather', [table, ids], { ints: { axis: 0 } })], { ints: { to: DataType.FLOAT } }),
          scaleName,
        ]),
      project: (x) => {
        const [xq, xScale, xZero] = this.opMulti('DynamicQuantizeLinear', [x], 3);
        const product = this.op('MatMulInteger', [xq!, this.op('Transpose', [table], { intLists: { perm: [1, 0] } }), xZero!, zero]);
        return this.op('Mul', [this.op('Cast', [product], { ints: { to: DataType.FLOAT } }), this.op('Mul', [xScale!, scaleName])]);
      },
    };
  }

  mlp(x: string): string {
    return this.linear(this.gelu(this.linear(x, D, FF)), FF, D);
  }
}

function encoderGraph(quantized: boolean): Uint8Array {
  const g = new GraphBuilder(quantized);
  const conv1 = g.op('Conv', ['input_features', g.param([D, MELS, 3], MELS * 3), g.param([D], 1, 0)], {
    intLists: { pads: [1, 1], kernel_shape: [3] },
  });
  const conv2 = g.op('Conv', [g.gelu(conv1), g.param([D, D, 3], D * 3), g.param([D], 1, 0)], {
    intLists: { pads: [1, 1], strides: [2], kernel_shape: [3] },
  });
  let x = g.op('Add', [g.op('Transpose', [g.gelu(conv2)], { intLists: { perm: [0, 2, 1] } }), g.param([ENC_POS, D], D)]);
  for (let layer = 0; layer < LAYERS; layer++) {
    const normed = g.layerNorm(x);
    x = g.op('Add', [x, g.attention(normed, normed)]);
    x = g.op('Add', [x, g.mlp(g.layerNorm(x))]);
  }
  g.nodes.push({ op: 'Identity', inputs: [g.layerNorm(x)], outputs: ['last_hidden_state'] });
  return buildOnnxModel({
    nodes: g.nodes,
    initializers: g.initializers,
    inputs: [{ name: 'input_features', type: DataType.FLOAT, shape: [1, MELS, FRAMES] }],
    outputs: [{ name: 'last_hidden_state', type: DataType.FLOAT, shape: [1, ENC_POS, D] }],
  });
}

function decoderGraph(quantized: boolean): Uint8Array {
  const g = new GraphBuilder(quantized);
  const embedding = g.tiedEmbedding();
  const tokens = embedding.lookup('input_ids'); // [1, L, D]
  // Positions 0..L-1 from the runtime sequence length.
  const shape = g.op('Shape', ['input_ids']);
  const length = g.op('Gather', [shape, g.int64([1])], { ints: { axis: 0 } });
  const scalarLength = g.op('Squeeze', [length]);
  const positions = g.op('Range', [g.op('Squeeze', [g.int64([0])]), scalarLength, g.op('Squeeze', [g.int64([1])])]);
  let x = g.op('Add', [tokens, g.op('Gather', [g.param([MAX_POS, D], D), positions], { ints: { axis: 0 } })]);
  for (let layer = 0; layer < LAYERS; layer++) {
    const normed = g.layerNorm(x);
    x = g.op('Add', [x, g.attention(normed, normed)]);
    x = g.op('Add', [x, g.attention(g.layerNorm(x), 'encoder_hidden_states')]);
    x = g.op('Add', [x, g.mlp(g.layerNorm(x))]);
  }
  // Only the last position is needed for greedy decoding.
  const last = g.op('Gather', [g.layerNorm(x), g.op('Sub', [length, g.int64([1])])], { ints: { axis: 1 } });
  g.nodes.push({ op: 'Identity', inputs: [embedding.project(last)], outputs: ['logits'] });
  return buildOnnxModel({
    nodes: g.nodes,
    initializers: g.initializers,
    inputs: [
      { name: 'input_ids', type: DataType.INT64, shape: [1, 'decoder_sequence_length'] },
      { name: 'encoder_hidden_states', type: DataType.FLOAT, shape: [1, ENC_POS, D] },
    ],
    outputs: [{ name: 'logits', type: DataType.FLOAT, shape: [1, 1, VOCAB] }],
  });
}

const kvShape = (length: string) => [1, HEADS, length, HEAD_DIM];

/** The merged decoder of an Optimum export: one graph for the first step and the cached ones. */
function mergedDecoderGraph(quantized: boolean): Uint8Array {
  const g = new GraphBuilder(quantized);
  const past = (layer: number, kind: 'decoder' | 'encoder', part: 'key' | 'value') => `past_key_values.${layer}.${kind}.${part}`;
  const present = (layer: number, kind: 'decoder' | 'encoder', part: 'key' | 'value') => `present.${layer}.${kind}.${part}`;

  // Cross-attention keys/values: from the encoder output on the first step, from the cache after.
  const cached = g.branch(() => {
    const outs: string[] = [];
    for (let layer = 0; layer < LAYERS; layer++) {
      for (const part of ['key', 'value'] as const) outs.push(g.op('Identity', [past(layer, 'encoder', part)]));
    }
    return outs;
  });
  const computed = g.branch(() => {
    const outs: string[] = [];
    for (let layer = 0; layer < LAYERS; layer++) {
      outs.push(g.splitHeads(g.linear('encoder_hidden_states', D, D)), g.splitHeads(g.linear('encoder_hidden_states', D, D)));
    }
    return outs;
  });
  const branchOutputs = (names: string[]) =>
    names.map((name) => ({ name, type: DataType.FLOAT, shape: kvShape('encoder_sequence_length_out') }));
  const crossNames = Array.from({ length: LAYERS }, (_, layer) => [
    present(layer, 'encoder', 'key'),
    present(layer, 'encoder', 'value'),
  ]).flat();
  g.nodes.push({
    op: 'If',
    inputs: [g.op('Squeeze', ['use_cache_branch', g.int64([0])])],
    outputs: crossNames,
    graphs: {
      then_branch: { nodes: cached.nodes, outputs: branchOutputs(cached.results) },
      else_branch: { nodes: computed.nodes, outputs: branchOutputs(computed.results) },
    },
  });

  const embedding = g.tiedEmbedding();
  const tokens = embedding.lookup('input_ids'); // [1, L, D]
  // Positions P..P+L-1, P being the length of the self-attention cache.
  const pastLength = g.op('Squeeze', [g.op('Gather', [g.op('Shape', [past(0, 'decoder', 'key')]), g.int64([2])], { ints: { axis: 0 } })]);
  const newLength = g.op('Squeeze', [g.op('Gather', [g.op('Shape', ['input_ids']), g.int64([1])], { ints: { axis: 0 } })]);
  const positions = g.op('Range', [pastLength, g.op('Add', [pastLength, newLength]), g.op('Squeeze', [g.int64([1])])]);
  let x = g.op('Add', [tokens, g.op('Gather', [g.param([MAX_POS, D], D), positions], { ints: { axis: 0 } })]);
  for (let layer = 0; layer < LAYERS; layer++) {
    const normed = g.layerNorm(x);
    const selfKey = present(layer, 'decoder', 'key');
    const selfValue = present(layer, 'decoder', 'value');
    g.nodes.push({
      op: 'Concat',
      inputs: [past(layer, 'decoder', 'key'), g.splitHeads(g.linear(normed, D, D))],
      outputs: [selfKey],
      ints: { axis: 2 },
    });
    g.nodes.push({
      op: 'Concat',
      inputs: [past(layer, 'decoder', 'value'), g.splitHeads(g.linear(normed, D, D))],
      outputs: [selfValue],
      ints: { axis: 2 },
    });
    x = g.op('Add', [x, g.attend(normed, selfKey, selfValue)]);
    x = g.op('Add', [x, g.attend(g.layerNorm(x), present(layer, 'encoder', 'key'), present(layer, 'encoder', 'value'))]);
    x = g.op('Add', [x, g.mlp(g.layerNorm(x))]);
  }
  // Like the export: logits for every new position.
  g.nodes.push({ op: 'Identity', inputs: [embedding.project(g.layerNorm(x))], outputs: ['logits'] });
  const cacheInputs = [];
  const cacheOutputs = [];
  for (let layer = 0; layer < LAYERS; layer++) {
    for (const part of ['key', 'value'] as const) {
      cacheInputs.push({ name: past(layer, 'decoder', part), type: DataType.FLOAT, shape: kvShape('past_decoder_sequence_length') });
      cacheOutputs.push({ name: present(layer, 'decoder', part), type: DataType.FLOAT, shape: kvShape('total_sequence_length') });
    }
    for (const part of ['key', 'value'] as const) {
      cacheInputs.push({ name: past(layer, 'encoder', part), type: DataType.FLOAT, shape: kvShape('encoder_sequence_length_out') });
      cacheOutputs.push({ name: present(layer, 'encoder', part), type: DataType.FLOAT, shape: kvShape('encoder_sequence_length_out') });
    }
  }
  return buildOnnxModel({
    nodes: g.nodes,
    initializers: g.initializers,
    inputs: [
      { name: 'input_ids', type: DataType.INT64, shape: [1, 'decoder_sequence_length'] },
      { name: 'encoder_hidden_states', type: DataType.FLOAT, shape: [1, ENC_POS, D] },
      ...cacheInputs,
      { name: 'use_cache_branch', type: DataType.BOOL, shape: [1] },
    ],
    outputs: [{ name: 'logits', type: DataType.FLOAT, shape: [1, 'decoder_sequence_length', VOCAB] }, ...cacheOutputs],
  });
}

export interface SyntheticWhisperOptions {
  decoder?: 'merged' | 'plain';
  quantized?: boolean;
}

export async function writeSyntheticWhisperTiny(dir: string, options: SyntheticWhisperOptions = {}): Promise<void> {
  const decoder = options.decoder ?? 'merged';
  const quantized = options.quantized ?? false;
  const suffix = quantized ? '_quantized' : '';
  await mkdir(join(dir, 'onnx'), { recursive: true });
  await writeFile(join(dir, 'onnx', `encoder_model${suffix}.onnx`), encoderGraph(quantized));
  if (decoder === 'merged') await writeFile(join(dir, 'onnx', `decoder_model_merged${suffix}.onnx`), mergedDecoderGraph(quantized));
  else await writeFile(join(dir, 'onnx', `decoder_model${suffix}.onnx`), decoderGraph(quantized));
  const vocab: Record<string, number> = {};
  for (let id = 0; id < 50_256; id++) vocab[`t${id}`] = id;
  await writeFile(
    join(dir, 'tokenizer.json'),
    JSON.stringify({
      model: { type: 'BPE', vocab },
      added_tokens: [
        { id: 50_256, content: '<|endoftext|>' },
        { id: 50_257, content: '<|startoftranscript|>' },
        { id: 50_362, content: '<|notimestamps|>' },
      ],
    }),
  );
  await writeFile(
    join(dir, 'config.json'),
    JSON.stringify({
      decoder_layers: LAYERS,
      decoder_attention_heads: HEADS,
      d_model: D,
      num_mel_bins: MELS,
      max_target_positions: MAX_POS,
      vocab_size: VOCAB,
    }),
  );
  // As whisper-tiny.en's: English-only, prompt [<|startoftranscript|>, <|notimestamps|>].
  await writeFile(
    join(dir, 'generation_config.json'),
    JSON.stringify({
      is_multilingual: false,
      decoder_start_token_id: 50_257,
      forced_decoder_ids: [[1, 50_362]],
      begin_suppress_tokens: [220, 50_256],
    }),
  );
}
