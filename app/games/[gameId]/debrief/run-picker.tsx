"use client";

import { formatGameTime } from "../../game-time";
import { type RunLabel, runSettings, runTitle } from "../../run-summary";

export type RunSummary = RunLabel & { from: number; to: number };

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
          {runTitle(r)}: {formatGameTime(r.from)} – {formatGameTime(r.to)}
          {runSettings(r) ? ` · ${runSettings(r)}` : ""}
        </button>
      ))}
    </fieldset>
  );
}
