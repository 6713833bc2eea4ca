/**
 * Black–Scholes for European options, no dividends (GAME.md §8.4, §9.6). Floats inside; `theoTicks` is the
 * integer face the rest of the game sees. Money is in whatever unit spot and strike use (dollars or ticks).
 */
export type BsInput = {
  readonly spot: number;
  readonly strike: number;
  /** Time to expiry in years on the game clock (see `yearsForSeconds`). */
  readonly years: number;
  /** Annual volatility, 0.2 = 20 %. */
  readonly vol: number;
  readonly call: boolean;
  /** Continuously compounded annual rate; the game uses 0. */
  readonly rate?: number;
};

/**
 * Cumulative standard normal, Hart (1968) as given by West (2005), "Better approximations to cumulative normal
 * functions": double-precision accuracy, no erf needed.
 */
export function normCdf(x: number): number {
  const z = Math.abs(x);
  let tail = 0;
  if (z <= 37) {
    const e = Math.exp((-z * z) / 2);
    if (z < 7.07106781186547) {
      let n = 3.52624965998911e-2 * z + 0.700383064443688;
      n = n * z + 6.37396220353165;
      n = n * z + 33.912866078383;
      n = n * z + 112.079291497871;
      n = n * z + 221.213596169931;
      n = n * z + 220.206867912376;
      let d = 8.83883476483184e-2 * z + 1.75566716318264;
      d = d * z + 16.064177579207;
      d = d * z + 86.7807322029461;
      d = d * z + 296.564248779674;
      d = d * z + 637.333633378831;
      d = d * z + 793.826512519948;
      d = d * z + 440.413735824752;
      tail = (e * n) / d;
    } else {
      let d = z + 0.65;
      d = z + 4 / d;
      d = z + 3 / d;
      d = z + 2 / d;
      d = z + 1 / d;
      tail = e / d / 2.506628274631;
    }
  }
  return x > 0 ? 1 - tail : tail;
}

export function normPdf(x: number): number {
  return Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
}

function intrinsic({ spot, strike, call }: BsInput): number {
  return Math.max(0, call ? spot - strike : strike - spot);
}

/** True when there is no time value left to model: at or after expiry, or no volatility. */
function expired(input: BsInput): boolean {
  return input.years <= 0 || input.vol <= 0;
}

function d1d2(input: BsInput): { d1: number; d2: number; sqrtT: number; discount: number } {
  const { spot, strike, years, vol, rate = 0 } = input;
  const sqrtT = Math.sqrt(years);
  const d1 = (Math.log(spot / strike) + (rate + (vol * vol) / 2) * years) / (vol * sqrtT);
  return { d1, d2: d1 - vol * sqrtT, sqrtT, discount: Math.exp(-rate * years) };
}

/** Option value; the intrinsic value when expired (years ≤ 0 or vol ≤ 0, no discounting). */
export function bsPrice(input: BsInput): number {
  if (expired(input)) return intrinsic(input);
  const { d1, d2, discount } = d1d2(input);
  const { spot, strike } = input;
  return input.call
    ? spot * normCdf(d1) - strike * discount * normCdf(d2)
    : strike * discount * normCdf(-d2) - spot * normCdf(-d1);
}

/**
 * Per-contract greeks: delta (per 1 unit of spot), gamma (per unit of spot, squared), vega (per 1.00 of vol: divide by 100 for a
 * vol point), theta (per year, negative for a long option at r = 0). When expired, delta is 1/0 for calls and −1/0
 * for puts (in/out of the money, GAME.md §8.4) and the rest are 0.
 */
export function bsGreeks(input: BsInput): { delta: number; gamma: number; vega: number; theta: number } {
  if (expired(input)) {
    const inTheMoney = input.call ? input.spot > input.strike : input.spot < input.strike;
    return { delta: inTheMoney ? (input.call ? 1 : -1) : 0, gamma: 0, vega: 0, theta: 0 };
  }
  const { d1, d2, sqrtT, discount } = d1d2(input);
  const { spot, strike, vol, rate = 0 } = input;
  const density = normPdf(d1);
  const decay = (-spot * density * vol) / (2 * sqrtT);
  return {
    delta: input.call ? normCdf(d1) : normCdf(d1) - 1,
    gamma: density / (spot * vol * sqrtT),
    vega: spot * density * sqrtT,
    theta: input.call
      ? decay - rate * strike * discount * normCdf(d2)
      : decay + rate * strike * discount * normCdf(-d2),
  };
}

/** Intrinsic value in ticks (what an option settles for at expiry); may be 0. */
export function intrinsicTicks(input: { spotTicks: number; strikeTicks: number; call: boolean }): number {
  const { spotTicks, strikeTicks, call } = input;
  return Math.max(0, Math.round(call ? spotTicks - strikeTicks : strikeTicks - spotTicks));
}

/**
 * The hidden theoretical value in integer ticks (r = 0), rounded half up and never below 1 tick ($0.01) — also at
 * expiry, where it is max(1, intrinsic) — so it can always be used as a price. Settlement uses `intrinsicTicks`.
 */
export function theoTicks(input: {
  spotTicks: number;
  strikeTicks: number;
  years: number;
  vol: number;
  call: boolean;
}): number {
  const value = bsPrice({
    spot: input.spotTicks,
    strike: input.strikeTicks,
    years: input.years,
    vol: input.vol,
    call: input.call,
  });
  return Math.max(1, Math.round(value));
}
