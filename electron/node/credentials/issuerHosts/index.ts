export { CustosWebDidResolver } from './CustosWebDidResolver'
export { didWebUrl } from './didWebUrl'
export {
  fetchFromIssuerHost,
  IssuerHostError,
  IssuerHostsConfig,
  MAX_ISSUER_DOCUMENT_BYTES,
  type IssuerHostsOptions,
} from './fetchFromIssuerHost'
