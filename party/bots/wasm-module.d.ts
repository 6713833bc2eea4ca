/** PartyKit turns a relative `.wasm` import into a compiled module (see quickjs-workerd.ts). */
declare module "*.wasm" {
  const module: WebAssembly.Module;
  export default module;
}
