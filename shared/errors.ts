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
  // The OS keychain cannot keep the store's key on this device (web mode, no keyring, or it refused).
  'DeviceKeyUnavailable',
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

export class WrongPassphraseError extends CustosError {
  constructor(options?: { cause?: unknown }) {
    super('WrongPassphrase', 'The passphrase is not correct for this store. Nothing was changed.', options)
  }
}

export class StoreNotFoundError extends CustosError {
  constructor(path: string, options?: { cause?: unknown }) {
    super('StoreNotFound', `No Custos store was found at ${path}. Create one first.`, options)
  }
}

export class StoreCorruptError extends CustosError {
  constructor(path: string, detail: string, options?: { cause?: unknown }) {
    super('StoreCorrupt', `The store at ${path} cannot be read (${detail}). It was left as it is.`, options)
  }
}

export class StoreBusyError extends CustosError {
  constructor(path: string, options?: { cause?: unknown }) {
    super('StoreBusy', `The store at ${path} is in use by another program. Close it and try again.`, options)
  }
}

export class StoreAccessDeniedError extends CustosError {
  constructor(path: string, options?: { cause?: unknown }) {
    super(
      'StoreAccessDenied',
      `This account may not read or write the store at ${path}. Check the folder's owner and permissions.`,
      options,
    )
  }
}

export class AppDatabaseMigrationFailedError extends CustosError {
  constructor(path: string, detail: string, options?: { cause?: unknown }) {
    super(
      'AppDatabaseMigrationFailed',
      `The app database at ${path} could not be brought up to date (${detail}). It was left as it was; ` +
        'install the same or a newer version of Custos and try again.',
      options,
    )
  }
}

export class StoreExistsError extends CustosError {
  constructor(path: string) {
    super('StoreExists', `A Custos store already exists at ${path}. Unlock it instead of creating a new one.`)
  }
}

export class DataDirInUseError extends CustosError {
  constructor(dataDir: string, holder: string) {
    super('DataDirInUse', `The data directory ${dataDir} is already in use by ${holder}. Close that node first.`)
  }
}

export class NodeLockedError extends CustosError {
  constructor() {
    super('NodeLocked', 'The node is locked. Unlock it with your passphrase first.')
  }
}

export class InvalidInputError extends CustosError {
  constructor(message: string) {
    super('InvalidInput', message)
  }
}

export class PeerUnreachableError extends CustosError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super('PeerUnreachable', `The other side could not be reached (${detail}). Try again when it is online.`, options)
  }
}

export class BackupPassphraseWrongError extends CustosError {
  constructor() {
    super('BackupPassphraseWrong', 'The backup passphrase is not correct for this backup. Nothing was restored.')
  }
}

export class BackupDamagedError extends CustosError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super(
      'BackupDamaged',
      `This backup file cannot be used (${detail}). It may be incomplete or altered; nothing was restored.`,
      options,
    )
  }
}

export class BackupFormatUnsupportedError extends CustosError {
  constructor(version: number) {
    super(
      'BackupFormatUnsupported',
      `This backup was made by a newer version of Custos (format ${version}). Update Custos, then restore it.`,
    )
  }
}

export class RestoreTargetNotEmptyError extends CustosError {
  constructor(dataDir: string) {
    super(
      'RestoreTargetNotEmpty',
      `The data directory ${dataDir} already holds a store. A backup is restored only into an empty one.`,
    )
  }
}

export class TrustListRefusedError extends CustosError {
  constructor(detail: string) {
    super('TrustListRefused', `This trust list was not imported: ${detail}. Nothing was changed.`)
  }
}

export class DocumentTooLargeError extends CustosError {
  constructor(size: number, limit: number) {
    super(
      'DocumentTooLarge',
      `The document is ${size} bytes, over this node's limit of ${limit} bytes. Nothing was stored.`,
    )
  }
}

export class DocumentMismatchError extends CustosError {
  constructor(what: string) {
    super('DocumentMismatch', `${what} does not match the SHA-256 digest signed in its credential.`)
  }
}

export class DeviceKeyUnavailableError extends CustosError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super(
      'DeviceKeyUnavailable',
      `Custos cannot remember the store on this device: ${detail}. Nothing was changed; your passphrase opens it as before.`,
      options,
    )
  }
}

/** The key main kept no longer opens the store (it was turned back to the passphrase elsewhere). */
export class DeviceKeyStaleError extends CustosError {
  constructor() {
    super(
      'WrongPassphrase',
      'The key this device remembered no longer opens the store. Unlock it with your passphrase.',
    )
  }
}

export function isCustosError(value: unknown): value is CustosError {
  return value instanceof CustosError
}
