/** How a batcher waits for the next frame; injectable so it is tested without a browser. */
export type FrameScheduler = {
  onFrame(run: () => void): () => void;
  after(ms: number, run: () => void): () => void;
};

const browserScheduler: FrameScheduler = {
  onFrame: (run) => {
    const id = requestAnimationFrame(run);
    return () => cancelAnimationFrame(id);
  },
  after: (ms, run) => {
    const id = setTimeout(run, ms);
    return () => clearTimeout(id);
  },
};

/** A hidden tab gets no animation frames: its queue is still drained this often. */
export const HIDDEN_TAB_FLUSH_MS = 250;

/**
 * Collects what arrives between two frames and hands it over once, at the next animation frame (or after
 * `HIDDEN_TAB_FLUSH_MS` when no frame comes), in arrival order. So a burst of socket frames costs one state
 * update and one render, and the render lands right before the frame that paints it.
 */
export function createFrameBatcher<T>(
  deliver: (items: T[]) => void,
  scheduler: FrameScheduler = browserScheduler,
) {
  let queue: T[] = [];
  let cancels: (() => void)[] = [];
  const flush = () => {
    for (const cancel of cancels) cancel();
    cancels = [];
    const items = queue;
    queue = [];
    if (items.length > 0) deliver(items);
  };
  return {
    push(item: T) {
      queue.push(item);
      if (cancels.length === 0) {
        cancels = [scheduler.onFrame(flush), scheduler.after(HIDDEN_TAB_FLUSH_MS, flush)];
      }
    },
    /** Drops what is queued and any scheduled flush. */
    dispose() {
      for (const cancel of cancels) cancel();
      cancels = [];
      queue = [];
    },
  };
}
