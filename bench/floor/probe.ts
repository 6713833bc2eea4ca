// What runs inside the measured page (installed with `addInitScript`, before any of the app's code): frame
// intervals from a requestAnimationFrame loop, long tasks from PerformanceObserver, DOM mutation records, React
// commits (a minimal `__REACT_DEVTOOLS_GLOBAL_HOOK__`, which production React calls on every commit), and socket
// frames and messages received (the page's WebSocket, wrapped). `reset()` starts a window; `read()` returns it.
import { z } from "zod";

export const ProbeWindow = z.object({
  ms: z.number(),
  frames: z.array(z.number()),
  longTasks: z.array(z.number()),
  mutations: z.number(),
  commits: z.number(),
  /** Socket message received → the next React commit, ms. */
  updateLags: z.array(z.number()),
  /** Per commit after a message: frames it was painted after the first frame that could have shown it (0 = on time). */
  framesLate: z.array(z.number()),
  socketFrames: z.number(),
  socketMessages: z.number(),
  socketBytes: z.number(),
});
export type ProbeWindow = z.infer<typeof ProbeWindow>;

type Probe = { reset(): void; read(): ProbeWindow };

/** Serialised by Playwright into the page: must not close over anything. */
export function installProbe() {
  let start = performance.now();
  let frames: number[] = [];
  let longTasks: number[] = [];
  let mutations = 0;
  let commits = 0;
  let updateLags: number[] = [];
  let framesLate: number[] = [];
  let frameCount = 0;
  let arrivalFrame = 0;
  let inFrame = false;
  let socketFrames = 0;
  let socketMessages = 0;
  let socketBytes = 0;
  let pendingSince: number | null = null;

  // The probe's callback is registered first for every frame, so it counts the frame before the app's callbacks
  // run; app callbacks are wrapped so a commit inside one is known to be painted in this very frame.
  const nativeRaf = window.requestAnimationFrame.bind(window);
  let last = 0;
  const tick = (now: number) => {
    frameCount++;
    if (last > 0) frames.push(now - last);
    last = now;
    nativeRaf(tick);
  };
  nativeRaf(tick);
  window.requestAnimationFrame = (callback) =>
    nativeRaf((now) => {
      inFrame = true;
      try {
        callback(now);
      } finally {
        inFrame = false;
      }
    });

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  }).observe({ type: "longtask", buffered: false });

  const Native = window.WebSocket;
  class CountingWebSocket extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener("message", (event: MessageEvent) => {
        const text = typeof event.data === "string" ? event.data : "";
        socketFrames++;
        socketBytes += text.length;
        for (let at = text.indexOf('"type":"'); at >= 0; at = text.indexOf('"type":"', at + 8))
          socketMessages++;
        if (pendingSince === null) {
          pendingSince = performance.now();
          arrivalFrame = frameCount;
        }
      });
    }
  }
  window.WebSocket = CountingWebSocket;

  let nextId = 1;
  (window as unknown as Record<string, unknown>).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    isDisabled: false,
    supportsFiber: true,
    renderers: new Map(),
    inject: () => nextId++,
    onScheduleFiberRoot: () => {},
    onCommitFiberRoot: () => {
      commits++;
      if (pendingSince !== null) {
        updateLags.push(performance.now() - pendingSince);
        const paintedIn = inFrame ? frameCount : frameCount + 1;
        framesLate.push(paintedIn - (arrivalFrame + 1));
        pendingSince = null;
      }
    },
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    checkDCE: () => {},
  };

  const observe = () =>
    new MutationObserver((records) => {
      mutations += records.length;
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", observe);
  else observe();

  const probe: Probe = {
    reset() {
      start = performance.now();
      frames = [];
      longTasks = [];
      mutations = 0;
      commits = 0;
      updateLags = [];
      framesLate = [];
      socketFrames = 0;
      socketMessages = 0;
      socketBytes = 0;
    },
    read: () => ({
      ms: performance.now() - start,
      frames,
      longTasks,
      mutations,
      commits,
      updateLags,
      framesLate,
      socketFrames,
      socketMessages,
      socketBytes,
    }),
  };
  (window as unknown as { __floorProbe: Probe }).__floorProbe = probe;
}
