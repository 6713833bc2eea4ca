"use client";

import { useState } from "react";
import { HEADLINES } from "@/party/core/market-sim";
import type { AdminCommand, ClockView } from "@/party/core/protocol";
import type { CommandOutcome } from "./market-state";

export type AdminCommandInput = AdminCommand extends infer C
  ? C extends { cid: string }
    ? Omit<C, "cid">
    : never
  : never;

/** The instructor's game controls: start, pause/resume, advance phase, speed, news, end, reset, rematch. */
export function InstructorControls({
  clock,
  send,
  outcomes,
}: {
  clock: ClockView | null;
  send: (command: AdminCommandInput) => string | null;
  outcomes: Record<string, CommandOutcome>;
}) {
  const [speed, setSpeed] = useState("12");
  const [headline, setHeadline] = useState("");
  const [tableIndex, setTableIndex] = useState("0");
  const [lastCid, setLastCid] = useState<string | null>(null);
  const act = (command: AdminCommandInput) => setLastCid(send(command));
  const confirmThen = (question: string, command: AdminCommandInput) => {
    if (window.confirm(question)) act(command);
  };
  const outcome = lastCid ? outcomes[lastCid] : undefined;
  return (
    <section className="panel tight" aria-label="Game controls">
      <h2>Game controls</h2>
      <div className="row">
        <button
          type="button"
          onClick={() => act({ type: "start_game" })}
          disabled={clock !== null && clock.phase !== "closed"}
        >
          Start
        </button>
        {clock?.paused ? (
          <button type="button" onClick={() => act({ type: "resume" })}>
            Resume
          </button>
        ) : (
          <button type="button" className="ghost" onClick={() => act({ type: "pause" })} disabled={!clock}>
            Pause
          </button>
        )}
        <button
          type="button"
          className="ghost"
          onClick={() => act({ type: "advance_phase" })}
          disabled={!clock}
        >
          Advance phase
        </button>
        <label className="inline">
          Speed ×
          <input
            className="num"
            inputMode="numeric"
            value={speed}
            size={4}
            onChange={(e) => setSpeed(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="ghost"
          onClick={() => act({ type: "set_speed", speed: Number(speed) })}
          disabled={!/^\d{1,3}$/.test(speed)}
        >
          Set speed
        </button>
      </div>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          act({ type: "inject_news", headline: { text: headline } });
          setHeadline("");
        }}
      >
        <label className="grow">
          Custom headline (no market effect)
          <input value={headline} onChange={(e) => setHeadline(e.target.value)} maxLength={140} />
        </label>
        <button type="submit" className="ghost" disabled={headline.trim() === ""}>
          Publish news now
        </button>
      </form>
      <div className="row">
        <label className="grow">
          From the headline table (moves the market)
          <select value={tableIndex} onChange={(e) => setTableIndex(e.target.value)}>
            {HEADLINES.map((h, i) => (
              <option key={h.headline} value={i}>
                {h.headline} ({h.kind})
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="ghost"
          onClick={() => act({ type: "inject_news", headline: { index: Number(tableIndex) } })}
        >
          Inject headline
        </button>
      </div>
      <div className="row">
        <button
          type="button"
          className="ghost"
          onClick={() => confirmThen("End the game for everyone?", { type: "end_game" })}
        >
          End game
        </button>
        <button
          type="button"
          className="ghost"
          onClick={() =>
            confirmThen("Reset: same seed, same market, all positions cleared?", { type: "reset_game" })
          }
        >
          Reset
        </button>
        <button
          type="button"
          className="ghost"
          onClick={() => confirmThen("Rematch: a new seed and a fresh market?", { type: "rematch" })}
        >
          Rematch
        </button>
      </div>
      {outcome?.status === "rejected" ? (
        <p className="error" role="alert">
          {outcome.message}
        </p>
      ) : null}
    </section>
  );
}
