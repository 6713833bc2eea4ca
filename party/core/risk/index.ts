export { DEFAULT_ROLE_LIMITS, QUOTE_RULES, type RoleLimits } from "./role-limits";
export { type BucketConfig, type BucketState, DEFAULT_RATE, TokenBucket } from "./token-bucket";
export { type OrderRequest, type Rejection, type ValidationInput, validateOrder } from "./validate-order";
export { checkLimits, type Exposure, type LimitCheck, worstCase } from "./worst-case-exposure";
