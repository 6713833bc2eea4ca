import { newQuickJSWASMModuleFromVariant, newVariant, RELEASE_SYNC } from "quickjs-emscripten";
// PartyKit bundles a relative `.wasm` import as a compiled WebAssembly.Module (workerd may not compile wasm
// from bytes at run time, nor fetch the file next to the script). It resolves only relative paths, hence the
// walk into node_modules; the file belongs to the RELEASE_SYNC variant that quickjs-emscripten depends on.
import quickjsWasm from "../../node_modules/@jitl/quickjs-wasmfile-release-sync/dist/emscripten-module.wasm";

/**
 * A fresh QuickJS WebAssembly instance for one live bot, inside PartyKit's workerd. Each bot gets its own: its
 * linear memory (which only grows) is freed with it, and a fault in one instance cannot reach another bot.
 */
export function newWorkerdQuickJS() {
  return newQuickJSWASMModuleFromVariant(newVariant(RELEASE_SYNC, { wasmModule: quickjsWasm }));
}
