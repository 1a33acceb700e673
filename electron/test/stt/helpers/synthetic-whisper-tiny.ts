/**
 * A Whisper-tiny-shaped model with random weights (d_model 384, 6 heads, 4+4 layers, 51864-token
 * vocabulary, 80 mel bins, 1500 encoder positions), in the Optimum file layout. Its transcripts are
 * meaningless, but its arithmetic and memory are those of the real network, so the benchmark can
 * measure the engine's cost where no real weights are installed. The decoder has no key/value cache
 * and projects only the last position to logits.
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

class GraphBuilder {
  readonly nodes: NodeSpec[] = [];
  readonly initializers: InitializerSpec[] = [];
  private counter = 0;
  private seed = 1;

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
    return this.op('Add', [this.op('MatMul', [x, this.param([inDim, outDim], inDim)]), this.param([outDim], 1, 0)]);
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
    const q = this.splitHeads(this.linear(queryInput, D, D));
    const k = this.splitHeads(this.linear(keyValueInput, D, D));
    const v = this.splitHeads(this.linear(keyValueInput, D, D));
    const kT = this.op('Transpose', [k], { intLists: { perm: [0, 1, 3, 2] } });
    const scores = this.op('Mul', [this.op('MatMul', [q, kT]), this.param([], 1, 1 / Math.sqrt(HEAD_DIM))]);
    const context = this.op('MatMul', [this.op('Softmax', [scores], { ints: { axis: -1 } }), v]);
    const merged = this.op('Reshape', [this.op('Transpose', [context], { intLists: { perm: [0, 2, 1, 3] } }), this.int64([1, -1, D])]);
    return this.linear(merged, D, D);
  }

  mlp(x: string): string {
    return this.linear(this.gelu(this.linear(x, D, FF)), FF, D);
  }
}

function encoderGraph(): Uint8Array {
  const g = new GraphBuilder();
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

function decoderGraph(): Uint8Array {
  const g = new GraphBuilder();
  const embedding = g.param([VOCAB, D], D);
  const tokens = g.op('Gather', [embedding, 'input_ids'], { ints: { axis: 0 } }); // [1, L, D]
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
  g.nodes.push({ op: 'MatMul', inputs: [last, g.param([D, VOCAB], D)], outputs: ['logits'] });
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

export async function writeSyntheticWhisperTiny(dir: string): Promise<void> {
  await mkdir(join(dir, 'onnx'), { recursive: true });
  await writeFile(join(dir, 'onnx', 'encoder_model.onnx'), encoderGraph());
  await writeFile(join(dir, 'onnx', 'decoder_model.onnx'), decoderGraph());
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
    JSON.stringify({ decoder_layers: LAYERS, decoder_attention_heads: HEADS, d_model: D, num_mel_bins: MELS, max_target_positions: MAX_POS }),
  );
}
