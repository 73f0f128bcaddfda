export { MandateHandler } from './MandateHandler'
export {
  MANDATES_PROTOCOL,
  MandateAskMessage,
  MandateDecisionMessage,
  MandateGrantMessage,
  MandateOutcomeMessage,
  MandateRevokeMessage,
} from './messages'
