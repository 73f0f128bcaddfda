export { mandateApprovalOf } from './approvalOf'
export {
  MandateEventTypes,
  type MandateChangedEvent,
  type MandateRefusedEvent,
  type RequestConsideredEvent,
} from './MandatesEvents'
export { MandatesApi } from './MandatesApi'
export { MandatesModule } from './MandatesModule'
export { MandatesService } from './MandatesService'
export { DelegateAsksService } from './DelegateAsksService'
export { MandateAsksService } from './MandateAsksService'
export {
  MANDATES_PROTOCOL,
  MandateAskMessage,
  MandateDecisionMessage,
  MandateGrantMessage,
  MandateOutcomeMessage,
  MandateRevokeMessage,
} from './protocol'
export { mandateAsks, mandates } from './mandateTables'
