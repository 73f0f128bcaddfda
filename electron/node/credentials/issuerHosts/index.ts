export { CustosWebDidResolver } from './CustosWebDidResolver'
export { didWebUrl } from './didWebUrl'
export {
  fetchFromIssuerHost,
  IssuerHostError,
  MAX_ISSUER_DOCUMENT_BYTES,
  type IssuerHostsOptions,
} from './fetchFromIssuerHost'
