"use client";

import { useEffect, useState } from "react";
import { type GameConfig, GameConfig as GameConfigSchema } from "@/party/core/protocol";
import type { AdminCommandInput } from "./instructor-controls";
import type { CommandOutcome } from "./market-state";

type Field = { label: string; get: (c: GameConfig) => number; set: (c: GameConfig, v: number) => GameConfig };

const ROLES = [
  ["market_maker", "Market maker"],
  ["hedge_fund", "Hedge fund"],
  ["arbitrage_desk", "Arbitrage desk"],
] as const;

const FIELDS: Field[] = [
  {
    label: "Retail orders per 5 minutes",
    get: (c) => c.retailOrdersPerTick,
    set: (c, v) => ({ ...c, retailOrdersPerTick: v }),
  },
  {
    label: "Hedge fund signal accuracy %",
    get: (c) => c.hedgeFundAccuracyPct,
    set: (c, v) => ({ ...c, hedgeFundAccuracyPct: v }),
  },
  {
    label: "Arbitrage signal accuracy %",
    get: (c) => c.arbitrageAccuracyPct,
    set: (c, v) => ({ ...c, arbitrageAccuracyPct: v }),
  },
  { label: "Volatility %", get: (c) => c.volatilityPct, set: (c, v) => ({ ...c, volatilityPct: v }) },
  ...ROLES.flatMap(([role, name]): Field[] => [
    {
      label: `${name}: limit per option`,
      get: (c) => c.limits[role].perInstrument,
      set: (c, v) => ({ ...c, limits: { ...c.limits, [role]: { ...c.limits[role], perInstrument: v } } }),
    },
    {
      label: `${name}: total limit`,
      get: (c) => c.limits[role].total,
      set: (c, v) => ({ ...c, limits: { ...c.limits, [role]: { ...c.limits[role], total: v } } }),
    },
  ]),
];

/** The instructor's game settings (GAME.md §13), editable until the game starts and after a reset or rematch. */
export function GameSettings({
  settings,
  send,
  outcomes,
}: {
  settings: { config: GameConfig; locked: boolean } | null;
  send: (command: AdminCommandInput) => string | null;
  outcomes: Record<string, CommandOutcome>;
}) {
  const [texts, setTexts] = useState<string[]>([]);
  const [lastCid, setLastCid] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (settings) setTexts(FIELDS.map((f) => String(f.get(settings.config))));
  }, [settings]);
  if (!settings) return null;
  const outcome = lastCid ? outcomes[lastCid] : undefined;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    let config = settings.config;
    for (const [i, field] of FIELDS.entries()) {
      const text = texts[i]?.trim() ?? "";
      if (!/^\d{1,6}$/.test(text)) return setError(`${field.label}: a whole number, please.`);
      config = field.set(config, Number(text));
    }
    const parsed = GameConfigSchema.safeParse(config);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Those settings are not valid.");
    setError(null);
    setLastCid(send({ type: "configure_game", config: parsed.data }));
  };
  return (
    <details className="panel tight" aria-label="Game settings">
      <summary>Game settings {settings.locked ? "(locked while the game runs)" : ""}</summary>
      <form onSubmit={submit} className="settings-grid">
        {FIELDS.map((field, i) => (
          <label key={field.label}>
            {field.label}
            <input
              className="num"
              inputMode="numeric"
              disabled={settings.locked}
              value={texts[i] ?? ""}
              onChange={(e) => setTexts((t) => t.map((v, j) => (j === i ? e.target.value : v)))}
            />
          </label>
        ))}
        <button type="submit" disabled={settings.locked}>
          Save settings
        </button>
      </form>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : outcome?.status === "rejected" ? (
        <p className="error" role="alert">
          {outcome.message}
        </p>
      ) : outcome?.status === "accepted" ? (
        <p className="ok">Saved: they apply from the start.</p>
      ) : null}
    </details>
  );
}
