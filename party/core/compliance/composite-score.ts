export type ScoreInput = {
  teamId: string;
  role: string;
  pnlCents: number;
  penaltyBp: number;
  maxDrawdownCents: number;
  /** The instructor's qualitative score 0–100, or null when not entered. */
  qualitative?: number | null;
};

/** What a team's drawdown is measured against (GAME.md §12.4 `reference_capital`): $1,000,000. */
export const REFERENCE_CAPITAL_CENTS = 100_000_000;

/**
 * The live quantitative score (GAME.md §12.4), in bp of the maximum: (40 × primary + 15 × compliance + 15 × risk)
 * / 70, where primary ranks P&L among teams of the same role (best 100, linearly to worst 30; a team alone gets
 * 80), compliance = 100 − penalties, and risk maps the maximum drawdown against the reference capital to bands
 * (< 5% 100, < 10% 80, < 15% 60, else 30). Once the instructor has entered a team's qualitative score, the score
 * is 0.70 × quantitative + 0.30 × qualitative (GAME.md §12.4 step 5); until then it is the quantitative part alone.
 */
export function compositeScores(teams: readonly ScoreInput[]): Map<string, number> {
  const byRole = new Map<string, ScoreInput[]>();
  for (const t of teams) byRole.set(t.role, [...(byRole.get(t.role) ?? []), t]);
  const scores = new Map<string, number>();
  for (const group of byRole.values()) {
    const ranked = [...group].sort((a, b) => b.pnlCents - a.pnlCents || a.teamId.localeCompare(b.teamId));
    for (const team of ranked) {
      // Ties share the better rank, so equal P&L scores equally.
      const rank = ranked.findIndex((t) => t.pnlCents === team.pnlCents);
      const primary = ranked.length === 1 ? 80 : 100 - (70 * rank) / (ranked.length - 1);
      const compliance = Math.max(0, 100 - team.penaltyBp / 100);
      const drawdownBp = Math.floor((team.maxDrawdownCents * 10_000) / REFERENCE_CAPITAL_CENTS);
      const risk = drawdownBp < 500 ? 100 : drawdownBp < 1_000 ? 80 : drawdownBp < 1_500 ? 60 : 30;
      const quantitative = (40 * primary + 15 * compliance + 15 * risk) / 70;
      const score =
        team.qualitative === null || team.qualitative === undefined
          ? quantitative
          : 0.7 * quantitative + 0.3 * team.qualitative;
      scores.set(team.teamId, Math.round(score * 100));
    }
  }
  return scores;
}
