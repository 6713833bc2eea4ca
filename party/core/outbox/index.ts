export {
  DEFAULT_OUTBOX_LIMITS,
  Outbox,
  type OutboxLimits,
  type ResumeOutcome,
  type SequencedFrame,
} from "./outbox";
