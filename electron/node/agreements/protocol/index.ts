export { AgreementMessageHandler } from './AgreementMessageHandler'
export {
  AgreementAcceptMessage,
  AgreementCounterMessage,
  AgreementOfferMessage,
  AgreementRejectMessage,
  AgreementTerminateMessage,
  DATA_AGREEMENTS_PROTOCOL,
  agreementMessageClasses,
  type AnyAgreementMessage,
} from './messages'
export { signatureHolds, signedByConnection, signForConnection } from './signing'
