/** The published headline table of GAME.md §9.4 (probability tables page): what each headline may do. */
export type HeadlineKind = "major" | "economic" | "commentary" | "neutral";
export type JumpDirection = "negative" | "positive" | "either" | "none";

export type Headline = {
  readonly headline: string;
  readonly kind: HeadlineKind;
  /** P(the event triggers a regime shift), public. */
  readonly shiftProbability: number;
  /** P(the event makes SPX jump), public. "none" headlines never jump whatever this says. */
  readonly jumpProbability: number;
  readonly direction: JumpDirection;
  /** The documented jump size range in basis points; the typical size is its midpoint. */
  readonly magnitudeBp: readonly [number, number];
};

function h(
  kind: HeadlineKind,
  headline: string,
  shiftProbability: number,
  jumpProbability: number,
  direction: JumpDirection,
  magnitudeBp: readonly [number, number],
): Headline {
  return { headline, kind, shiftProbability, jumpProbability, direction, magnitudeBp };
}

export const HEADLINES: readonly Headline[] = [
  h("major", "Fed announces emergency meeting", 0.85, 0.6, "negative", [100, 300]),
  h("major", "Geopolitical tensions escalate", 0.7, 0.3, "negative", [50, 200]),
  h("major", "Major bank reports losses", 0.65, 0.45, "negative", [100, 200]),
  h("major", "Surprise rate decision", 0.75, 0.5, "either", [100, 250]),
  h("major", "Tech giant acquisition announced", 0.4, 0.5, "positive", [50, 150]),
  h("economic", "Fed hints at tightening", 0.6, 0.2, "negative", [30, 100]),
  h("economic", "Strong jobs report", 0.4, 0.1, "positive", [20, 50]),
  h("economic", "Inflation data surprises", 0.55, 0.35, "either", [50, 100]),
  h("economic", "GDP beats expectations", 0.35, 0.25, "positive", [30, 80]),
  h("economic", "Manufacturing data weak", 0.45, 0.15, "negative", [20, 60]),
  h("commentary", "Analysts upgrade sector", 0.15, 0.1, "positive", [10, 30]),
  h("commentary", "Technical breakout observed", 0.3, 0.25, "either", [30, 70]),
  h("commentary", "Options flow unusual", 0.25, 0.05, "none", [0, 0]),
  h("commentary", "Earnings season begins", 0.2, 0.1, "either", [20, 40]),
  h("commentary", "Year-end rebalancing", 0.1, 0.05, "either", [10, 20]),
  h("neutral", "Markets quiet ahead of data", 0.05, 0, "none", [0, 0]),
  h("neutral", "Trading range-bound", 0.05, 0.05, "either", [10, 10]),
  h("neutral", "Light volume expected", 0, 0, "none", [0, 0]),
  h("neutral", "No major news today", 0, 0, "none", [0, 0]),
];
