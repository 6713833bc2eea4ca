/** Numbers in the messages people read: bp as a percentage, delta thousandths as a decimal. */
export function pct(bp: number): string {
  return `${(bp / 100).toFixed(bp % 100 === 0 ? 0 : 2)}%`;
}

export function milli(value: number): string {
  return (value / 1_000).toFixed(2);
}
