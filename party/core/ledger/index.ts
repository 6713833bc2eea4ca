export { DEFAULT_FEES, type FeeSchedule, feeFor, type LedgerRole, type Liquidity } from "./fees";
export { type AccountView, Ledger, type LedgerState, MULTIPLIER } from "./ledger";
