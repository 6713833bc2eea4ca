export { type BucketConfig, type BucketState, DEFAULT_RATE, TokenBucket } from "./token-bucket";
export { checkLimits, type Exposure, type LimitCheck, worstCase } from "./worst-case-exposure";
