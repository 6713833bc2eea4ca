/**
 * Market phases and what each admits (DECISIONS.md "Phases"). Pure rules: the pipeline asks `admits` before
 * validation and applies the actions `transition` lists when the clock or the instructor moves the phase.
 */
export type Phase = "closed" | "pre_open" | "opening_auction" | "continuous" | "paused";
export type PhaseCommand = "limit" | "market" | "quote" | "cancel";

export type PhaseRejection = { code: "MARKET_CLOSED" | "PHASE_NOT_ALLOWED"; message: string };

const LABEL: Record<Phase, string> = {
  closed: "the market is closed",
  pre_open: "pre-open",
  opening_auction: "the opening auction",
  continuous: "continuous trading",
  paused: "the pause",
};

/** Null when `phase` admits `command`, else the rejection a trader sees. */
export function admits(phase: Phase, command: PhaseCommand): PhaseRejection | null {
  if (phase === "closed")
    return { code: "MARKET_CLOSED", message: "The market is closed: orders and cancels open at pre-open." };
  if (phase === "continuous") return null;
  if (command === "cancel") {
    return phase === "opening_auction"
      ? {
          code: "PHASE_NOT_ALLOWED",
          message: "The opening auction is running: cancels are back in a moment.",
        }
      : null;
  }
  if (phase === "pre_open" && (command === "limit" || command === "quote")) return null;
  const what = command === "market" ? "Market orders" : "New orders";
  return { code: "PHASE_NOT_ALLOWED", message: `${what} are not accepted during ${LABEL[phase]}.` };
}

/** What must happen when the phase changes. */
export type PhaseAction = "run_auction" | "cancel_all_resting";

export function transition(from: Phase, to: Phase): PhaseAction[] {
  if (from === to) return [];
  // Any way out of collecting orders into matching runs the auction, so a missed window strands nothing.
  if ((from === "pre_open" || from === "paused") && (to === "opening_auction" || to === "continuous")) {
    return ["run_auction"];
  }
  if (to === "closed" && from !== "closed") return ["cancel_all_resting"];
  return [];
}

/** The normal order of a session; the instructor's "advance phase" moves one step. */
export function nextPhase(phase: Phase): Phase {
  switch (phase) {
    case "closed":
      return "pre_open";
    case "pre_open":
      return "opening_auction";
    case "opening_auction":
      return "continuous";
    case "continuous":
      return "closed";
    case "paused":
      return "continuous";
  }
}
