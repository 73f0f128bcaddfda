import { CustosError } from './CustosError'

// Backup files: writing one, and restoring one into an empty data directory.
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
