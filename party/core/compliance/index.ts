export {
  type ComplianceCheck,
  ComplianceMonitor,
  type ComplianceRole,
  type ComplianceState,
  type ComplianceStatus,
  type MarketMakerSample,
  type TickSample,
} from "./compliance-monitor";
export { COMPLIANCE } from "./compliance-rules";
export { portfolioSample, quotedInstruments } from "./team-samples";
