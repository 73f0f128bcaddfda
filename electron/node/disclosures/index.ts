export { DisclosuresApi } from './DisclosuresApi'
export { DisclosureEventTypes, type DisclosureChangedEvent } from './DisclosuresEvents'
export { DisclosuresModule } from './DisclosuresModule'
export { DisclosuresService } from './DisclosuresService'
export {
  DATA_NOTICES_PROTOCOL,
  DataNoticeHandler,
  DataNoticeMessage,
  DeletionRequestHandler,
  DeletionRequestMessage,
  deletionRequestSigned,
  noticeSigned,
  readDeletionRequest,
  readNotice,
  type NoticeKind,
} from './protocol'
export { toReceipt, WITHDRAWAL_METHOD } from './receipts'
export { OPENID4VP_THREAD_PREFIX, type NewDisclosure } from './disclosureTables'
