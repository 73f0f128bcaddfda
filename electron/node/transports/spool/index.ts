export { InboundSpool, SpoolQuotaExceededError, type SpoolEntry, type SpoolQuota } from './InboundSpool'
export { SeenMessages } from './SeenMessages'
export { SpoolDrainer } from './SpoolDrainer'
