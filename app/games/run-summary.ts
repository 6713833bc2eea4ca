import type { GameConfig } from "@/party/core/protocol";

/** A run as the lobby and the debrief list it: its number, what began it, its seed, chain and settings. */
export type RunLabel = {
  run: number;
  seed: number | null;
  origin: "start" | "reset" | "rematch" | null;
  preset?: "compact" | "full" | null;
  config?: GameConfig | null;
};

const ORIGIN = { start: "", reset: " (reset)", rematch: " (rematch)" } as const;

/** "Run 2 (rematch) · seed 777". */
export function runTitle(r: RunLabel): string {
  return `Run ${r.run}${r.origin ? ORIGIN[r.origin] : ""}${r.seed === null ? "" : ` · seed ${r.seed}`}`;
}

/** The settings that shape a run's market, short: "compact · vol 100% · retail 3/5 min · signals 66%/80%". */
export function runSettings(r: RunLabel): string {
  const parts: string[] = [];
  if (r.preset) parts.push(r.preset);
  const c = r.config;
  if (c) {
    parts.push(`vol ${c.volatilityPct}%`);
    parts.push(c.retailOrdersPerTick === 0 ? "no retail" : `retail ${c.retailOrdersPerTick}/5 min`);
    parts.push(`signals ${c.hedgeFundAccuracyPct}%/${c.arbitrageAccuracyPct}%`);
  }
  return parts.join(" · ");
}
