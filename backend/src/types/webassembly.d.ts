/**
 * The part of the WebAssembly JS API the Flite TTS worker uses, which Node provides as a global.
 * TypeScript declares WebAssembly only in its DOM and WebWorker libs and @types/node not at all, so
 * the Node-only projects (no DOM) get this subset. Empty interfaces and extra function overloads
 * merge with lib.dom's declarations in projects that have both (tsconfig.app-tests.json).
 */
declare namespace WebAssembly {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- opaque handles, merged with lib.dom where present
  interface Module {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- opaque handles, merged with lib.dom where present
  interface Instance {}
  function compile(bytes: ArrayBufferView | ArrayBuffer): Promise<Module>;
  type Imports = Record<string, Record<string, unknown>>;
  function instantiate(module: Module, imports?: Imports): Promise<Instance>;
}
