export {
  admits,
  nextPhase,
  type Phase,
  type PhaseAction,
  type PhaseCommand,
  type PhaseRejection,
  transition,
} from "./phase-rules";
