export { DataNoticeHandler, DeletionRequestHandler } from './handlers'
export {
  DATA_NOTICES_PROTOCOL,
  DataNoticeMessage,
  DeletionRequestMessage,
  readDeletionRequest,
  readNotice,
  type NoticeKind,
} from './messages'
