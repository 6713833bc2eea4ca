import { describe, expect, it } from "vitest";
import { createFrameBatcher, type FrameScheduler, HIDDEN_TAB_FLUSH_MS } from "./frame-batcher";

/** A scheduler driven by hand: `frame()` runs the pending frame callbacks, `elapse(ms)` the due timers. */
function manualScheduler() {
  let frames: (() => void)[] = [];
  let timers: { at: number; run: () => void }[] = [];
  let now = 0;
  const scheduler: FrameScheduler = {
    onFrame(run) {
      frames.push(run);
      return () => {
        frames = frames.filter((f) => f !== run);
      };
    },
    after(ms, run) {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
  };
  return {
    scheduler,
    frame() {
      const due = frames;
      frames = [];
      for (const run of due) run();
    },
    elapse(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.run();
    },
    pending: () => frames.length + timers.length,
  };
}

describe("createFrameBatcher", () => {
  it("delivers everything that arrived between two frames once, in order, at the frame", () => {
    const clock = manualScheduler();
    const delivered: number[][] = [];
    const batcher = createFrameBatcher<number>((items) => delivered.push(items), clock.scheduler);
    batcher.push(1);
    batcher.push(2);
    batcher.push(3);
    expect(delivered).toEqual([]);
    clock.frame();
    expect(delivered).toEqual([[1, 2, 3]]);
    expect(clock.pending()).toBe(0);
    batcher.push(4);
    clock.frame();
    expect(delivered).toEqual([[1, 2, 3], [4]]);
  });

  it("still drains when no frame comes (a hidden tab), and only once", () => {
    const clock = manualScheduler();
    const delivered: string[][] = [];
    const batcher = createFrameBatcher<string>((items) => delivered.push(items), clock.scheduler);
    batcher.push("a");
    clock.elapse(HIDDEN_TAB_FLUSH_MS - 1);
    expect(delivered).toEqual([]);
    clock.elapse(1);
    expect(delivered).toEqual([["a"]]);
    clock.frame();
    expect(delivered).toEqual([["a"]]);
  });

  it("drops what is queued on dispose", () => {
    const clock = manualScheduler();
    const delivered: number[][] = [];
    const batcher = createFrameBatcher<number>((items) => delivered.push(items), clock.scheduler);
    batcher.push(1);
    batcher.dispose();
    clock.frame();
    clock.elapse(HIDDEN_TAB_FLUSH_MS);
    expect(delivered).toEqual([]);
    expect(clock.pending()).toBe(0);
  });
});
