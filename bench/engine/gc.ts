// A full-GC function for between runs. `global.gc` exists under `node --expose-gc` (or NODE_OPTIONS=--expose-gc,
// which tsx passes through); otherwise V8 lets us turn the flag on at run time and fetch `gc` from a new context.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Returns a function that runs a full GC, and how it was obtained (`none` if unavailable: then it is a no-op). */
export function fullGc(): { collect: () => void; how: string } {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === "function") return { collect: () => exposed(), how: "global.gc" };
  try {
    setFlagsFromString("--expose-gc");
    const gc: unknown = runInNewContext("gc");
    if (typeof gc === "function") return { collect: () => gc(), how: "v8 --expose-gc at run time" };
  } catch {
    // fall through: run without forced GC
  }
  return { collect: () => {}, how: "none (GC not forced between runs)" };
}
