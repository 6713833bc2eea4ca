"use client";

import { formatGameTime } from "../../game-time";

export type RunSummary = {
  run: number;
  from: number;
  to: number;
  seed: number | null;
  origin: "start" | "reset" | "rematch" | null;
};

const ORIGIN = { start: "", reset: " (reset)", rematch: " (rematch)" } as const;

/** The runs of a game (a reset or rematch starts the next one, with the same records kept): pick one to debrief. */
export function RunPicker({
  runs,
  selected,
  onSelect,
}: {
  runs: readonly RunSummary[];
  selected: number | null;
  onSelect: (run: number) => void;
}) {
  if (runs.length < 2) return null;
  return (
    <fieldset aria-label="Runs of this game">
      {runs.map((r) => (
        <button
          key={r.run}
          type="button"
          className={r.run === selected ? "small" : "small ghost"}
          aria-pressed={r.run === selected}
          onClick={() => onSelect(r.run)}
        >
          Run {r.run}
          {r.origin ? ORIGIN[r.origin] : ""}: {formatGameTime(r.from)} – {formatGameTime(r.to)}
          {r.seed === null ? "" : ` · seed ${r.seed}`}
        </button>
      ))}
    </fieldset>
  );
}
