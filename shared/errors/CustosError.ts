// Error codes that cross the API boundary. The renderer matches on `code`, never on message text.
export const custosErrorCodes = [
  'WrongPassphrase',
  'StoreNotFound',
  'StoreCorrupt',
  'StoreExists',
  'StoreBusy',
  'StoreAccessDenied',
  'AppDatabaseMigrationFailed',
  'DataDirInUse',
  'NodeLocked',
  'InvalidInput',
  'NotFound',
  'PeerUnreachable',
  'BackupPassphraseWrong',
  'BackupDamaged',
  'BackupFormatUnsupported',
  'RestoreTargetNotEmpty',
  // The node refused what an issuer sent (signature, issuer, expiry, format); the issuer got a problem report.
  'CredentialRefused',
  // A proof request asks for what the node does not hold; nothing was sent.
  'RequestNotSatisfiable',
  // The person left out an item the request requires (DIF PE submission requirements); nothing was sent.
  'SubsetNotAllowed',
  // A trust list whose publisher's signature does not hold, or that is not a trust list; nothing was imported.
  'TrustListRefused',
  // A document (a statement PDF) is larger than the node's limit; it was not stored or sent.
  'DocumentTooLarge',
  // A document does not match the digest signed in its credential (on receipt, or before it is sent on).
  'DocumentMismatch',
  // An issuer or verifier sent more than the node reads (OpenID4VC); it stopped reading, nothing was stored.
  'PeerResponseTooLarge',
  // The OS keychain cannot keep the store's key on this device (web mode, no keyring, or it refused).
  'DeviceKeyUnavailable',
  // A data agreement step the node would not take or keep: a list that contradicts itself, a signature that
  // is not the other side's, a step its state does not allow. Nothing was stored or sent.
  'AgreementRefused',
  'Internal',
  // Said by a transport before any method runs: the web bridge's guard, or a node that does not answer.
  'Unauthorized',
  'Forbidden',
  'PayloadTooLarge',
  'Unreachable',
] as const

export type CustosErrorCode = (typeof custosErrorCodes)[number]

export interface CustosErrorShape {
  code: CustosErrorCode
  message: string
}

export class CustosError extends Error implements CustosErrorShape {
  constructor(
    readonly code: CustosErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = `${code}Error`
  }

  toJSON(): CustosErrorShape {
    return { code: this.code, message: this.message }
  }
}

export function isCustosError(value: unknown): value is CustosError {
  return value instanceof CustosError
}
