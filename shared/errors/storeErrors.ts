import { CustosError } from './CustosError'

// The store, its data directory and this device's key: what opening and locking can meet.
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
