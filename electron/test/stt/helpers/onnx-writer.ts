/**
 * A just-big-enough ONNX (protobuf) writer so tests can build small real graphs for onnxruntime-node
 * without any model download. Field numbers follow onnx/onnx.proto.
 */

class ProtoWriter {
  // Chunks rather than one number[]: weight tensors run to tens of megabytes.
  private readonly chunks: Uint8Array[] = [];
  private length = 0;

  private push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  private varint(value: number | bigint): void {
    let v = BigInt(value);
    if (v < 0n) v = (1n << 64n) + v; // two's complement for negative int64
    const bytes: number[] = [];
    do {
      let byte = Number(v & 0x7fn);
      v >>= 7n;
      if (v !== 0n) byte |= 0x80;
      bytes.push(byte);
    } while (v !== 0n);
    this.push(Uint8Array.from(bytes));
  }

  int(field: number, value: number | bigint): this {
    this.varint((field << 3) | 0);
    this.varint(value);
    return this;
  }

  bytesField(field: number, data: Uint8Array): this {
    this.varint((field << 3) | 2);
    this.varint(data.length);
    this.push(data);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytesField(field, new TextEncoder().encode(value));
  }

  fixed32(field: number, littleEndian: Uint8Array): this {
    this.varint((field << 3) | 5);
    this.push(littleEndian);
    return this;
  }

  message(field: number, inner: ProtoWriter): this {
    return this.bytesField(field, inner.finish());
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.length);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}

export const DataType = { FLOAT: 1, UINT8: 2, INT8: 3, INT32: 6, INT64: 7, BOOL: 9 } as const;

export interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  ints?: Record<string, number>;
  intLists?: Record<string, number[]>;
  floats?: Record<string, number>;
  /** Subgraph attributes, e.g. the then_branch / else_branch of an If node. */
  graphs?: Record<string, SubgraphSpec>;
}

/** A subgraph: reads outer-scope values by name, declares only its outputs. */
export interface SubgraphSpec {
  nodes: NodeSpec[];
  outputs: ValueSpec[];
  initializers?: InitializerSpec[];
}

export interface ValueSpec {
  name: string;
  type: number;
  /** number = fixed size, string = symbolic dimension */
  shape: Array<number | string>;
}

export interface InitializerSpec {
  name: string;
  dims: number[];
  data: Float32Array | BigInt64Array | Uint8Array | Int8Array;
}

function valueInfo(spec: ValueSpec): ProtoWriter {
  const shape = new ProtoWriter();
  for (const dim of spec.shape) {
    const d = new ProtoWriter();
    if (typeof dim === 'number') d.int(1, dim);
    else d.string(2, dim);
    shape.message(1, d);
  }
  const tensorType = new ProtoWriter().int(1, spec.type).message(2, shape);
  const type = new ProtoWriter().message(1, tensorType);
  return new ProtoWriter().string(1, spec.name).message(2, type);
}

function node(spec: NodeSpec, index: number, scope: string): ProtoWriter {
  const w = new ProtoWriter();
  for (const input of spec.inputs) w.string(1, input);
  for (const output of spec.outputs) w.string(2, output);
  w.string(3, `${scope}${spec.op}_${index}`);
  w.string(4, spec.op);
  for (const [name, value] of Object.entries(spec.ints ?? {})) {
    w.message(5, new ProtoWriter().string(1, name).int(3, value).int(20, 2));
  }
  for (const [name, values] of Object.entries(spec.intLists ?? {})) {
    const attr = new ProtoWriter().string(1, name);
    for (const v of values) attr.int(8, v);
    attr.int(20, 7);
    w.message(5, attr);
  }
  for (const [name, value] of Object.entries(spec.floats ?? {})) {
    const bits = new Uint8Array(new Float32Array([value]).buffer);
    // field 2 (f) is a fixed32: wire type 5
    w.message(5, new ProtoWriter().string(1, name).fixed32(2, bits).int(20, 1));
  }
  for (const [name, graph] of Object.entries(spec.graphs ?? {})) {
    w.message(
      5,
      new ProtoWriter()
        .string(1, name)
        .message(6, graphProto(graph, `${scope}${name}_${index}/`, []))
        .int(20, 5),
    );
  }
  return w;
}

function graphProto(
  graph: { nodes: NodeSpec[]; outputs: ValueSpec[]; initializers?: InitializerSpec[] },
  scope: string,
  inputs: ValueSpec[],
): ProtoWriter {
  const g = new ProtoWriter();
  graph.nodes.forEach((n, i) => g.message(1, node(n, i, scope)));
  g.string(2, scope ? scope.replace(/\/$/, '') : 'test_graph');
  for (const init of graph.initializers ?? []) g.message(5, initializer(init));
  for (const input of inputs) g.message(11, valueInfo(input));
  for (const output of graph.outputs) g.message(12, valueInfo(output));
  return g;
}

function initializer(spec: InitializerSpec): ProtoWriter {
  const w = new ProtoWriter();
  for (const d of spec.dims) w.int(1, d);
  const type =
    spec.data instanceof Float32Array
      ? DataType.FLOAT
      : spec.data instanceof Uint8Array
        ? DataType.UINT8
        : spec.data instanceof Int8Array
          ? DataType.INT8
          : DataType.INT64;
  w.int(2, type);
  w.string(8, spec.name);
  w.bytesField(9, new Uint8Array(spec.data.buffer, spec.data.byteOffset, spec.data.byteLength));
  return w;
}

export function buildOnnxModel(graph: {
  nodes: NodeSpec[];
  inputs: ValueSpec[];
  outputs: ValueSpec[];
  initializers?: InitializerSpec[];
}): Uint8Array {
  const g = graphProto(graph, '', graph.inputs);
  return new ProtoWriter()
    .int(1, 8) // ir_version
    .string(2, 'vouch-tests')
    .message(7, g)
    .message(8, new ProtoWriter().string(1, '').int(2, 17)) // opset 17
    .finish();
}
