import type { Rng } from "./rng";
import type { SimConfig } from "./sim-config";

/** An option the retail generator may trade. Strikes and prices are integer ticks. */
export type RetailInstrument = {
  readonly symbol: string;
  readonly underlying: "SPX" | "SPY";
  readonly strikeTicks: number;
  readonly call: boolean;
  /** 0 = the nearest listed expiry. */
  readonly expiryIndex: number;
};

type RetailConfig = SimConfig["retail"];

/**
 * The instrument of one retail order (GAME.md §9.7 step 3): underlying, expiry (nearest with probability 0.8),
 * call/put, then the listed strike nearest K* = S × (1 + X). Null when nothing is listed.
 */
export function chooseInstrument(
  r: RetailConfig,
  rng: Rng,
  instruments: readonly RetailInstrument[],
  spot: { SPX: number; SPY: number },
): RetailInstrument | null {
  const wanted = rng.next() < r.spxProbability ? "SPX" : "SPY";
  const nearestU = rng.next();
  const call = rng.next() < r.callProbability;
  const z = rng.normal();
  const forceOtm = rng.next() < r.otmProbability;
  const otherExpiryU = rng.next();

  let pool = instruments.filter((i) => i.underlying === wanted);
  if (pool.length === 0) pool = [...instruments];
  const first = pool[0];
  if (!first) return null;
  const underlying = first.underlying;
  const expiries = [...new Set(pool.map((i) => i.expiryIndex))].sort((a, b) => a - b);
  const expiry =
    expiries.length === 1 || nearestU < r.nearestExpiryProbability
      ? expiries[0]
      : expiries[1 + Math.floor(otherExpiryU * (expiries.length - 1))];
  pool = pool.filter((i) => i.expiryIndex === expiry);
  const sameType = pool.filter((i) => i.call === call);
  if (sameType.length > 0) pool = sameType;

  // Calls are OTM above spot, puts below; the OTM side of calls is wider (skew factor 1.5).
  const otmSign = call ? 1 : -1;
  const sdOn = (sign: number) => r.strikeSd * (call && sign > 0 ? r.otmCallSkew : 1);
  const x = forceOtm ? otmSign * Math.abs(z) * sdOn(otmSign) : z * sdOn(Math.sign(z));
  const target = spot[underlying] * (1 + x);
  let best = pool[0] as RetailInstrument;
  for (const i of pool) {
    const d = Math.abs(i.strikeTicks - target) - Math.abs(best.strikeTicks - target);
    if (d < 0 || (d === 0 && i.strikeTicks < best.strikeTicks)) best = i;
  }
  return best;
}

/** max(1, step × round(x/step)), x ~ Exp(mean), capped (GAME.md §9.7 step 4: 1: 39 %, 5: 38 %, mean ≈ 5.2). */
export function drawSize(r: RetailConfig, rng: Rng): number {
  const x = rng.exponential(r.sizeMean);
  return Math.min(r.maxSize, Math.max(1, r.sizeStep * Math.round(x / r.sizeStep)));
}

/**
 * A limit price in ticks (GAME.md §9.7 step 5): aggressive at/through the opposite quote, passive behind the same
 * quote, far from theo; without a quote the reference is theo ± 2.5 %. At least 1 tick.
 */
export function limitPrice(
  r: RetailConfig,
  rng: Rng,
  side: "buy" | "sell",
  top: { bid: number | null; ask: number | null },
  theo: number,
): number {
  const u = rng.next();
  const sign = side === "buy" ? 1 : -1;
  let price: number;
  if (u < r.limitMix.aggressive) {
    const reference = side === "buy" ? (top.ask ?? theo * 1.025) : (top.bid ?? theo * 0.975);
    price = Math.round(reference) + sign * rng.int(0, 2);
  } else if (u < r.limitMix.aggressive + r.limitMix.passive) {
    const same = side === "buy" ? top.bid : top.ask;
    price = same !== null ? same - sign * rng.int(1, 5) : theo * (1 - sign * (0.01 + 0.04 * rng.next()));
  } else {
    price = theo * (1 - sign * (0.1 + 0.2 * rng.next()));
  }
  return Math.max(1, Math.round(price));
}
