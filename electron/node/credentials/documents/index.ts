export { CustosV2CredentialProtocol } from './CustosV2CredentialProtocol'
export { boundDocuments, sha256Sri, toReference, type BoundDocument } from './documentReference'
export {
  DEFAULT_MAX_DOCUMENT_BYTES,
  DocumentsConfig,
  messageBytesForDocument,
  type DocumentsOptions,
} from './DocumentsConfig'
export { DocumentsService } from './DocumentsService'
export { documents } from './documentsTable'
export { InboundDocuments } from './InboundDocuments'
