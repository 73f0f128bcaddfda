export { DataNoticeHandler, DeletionRequestHandler } from './handlers'
export {
  DATA_NOTICES_PROTOCOL,
  DataNoticeMessage,
  DeletionRequestMessage,
  deletionRequestSigned,
  noticeSigned,
  readDeletionRequest,
  readNotice,
  type NoticeKind,
} from './messages'
