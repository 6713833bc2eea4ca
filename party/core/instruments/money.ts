/**
 * Integer units of the game, branded so they cannot be mixed up: prices in ticks ($0.01), quantities in lots
 * (contracts), money in cents. Constructors reject anything that is not a safe integer.
 */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type Ticks = Brand<number, "Ticks">;
export type Lots = Brand<number, "Lots">;
export type Cents = Brand<number, "Cents">;

function integer<T>(value: number, unit: string): T {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${unit} must be a safe integer, got ${value}`);
  return value as T;
}

export const ticks = (value: number): Ticks => integer<Ticks>(value, "ticks");
export const lots = (value: number): Lots => integer<Lots>(value, "lots");
export const cents = (value: number): Cents => integer<Cents>(value, "cents");

/** Cash value of `quantity` contracts at `price`: price × quantity × multiplier, checked for overflow. */
export function notional(price: Ticks, quantity: Lots, multiplier = 100): Cents {
  return cents(price * quantity * multiplier);
}
