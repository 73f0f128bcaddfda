import { CustosError } from '../../../shared/errors'

// Said to whoever runs a mediator on PostgreSQL, in one line each: what is wrong and what to check.
// They reuse the contract's codes, so the renderer and the bridge need nothing new.

export class PostgresUnreachableError extends CustosError {
  constructor(where: string, detail: string, options?: { cause?: unknown }) {
    super(
      'Unreachable',
      `PostgreSQL at ${where} cannot be reached (${detail}). Check that it runs and that the URL is right.`,
      options,
    )
  }
}

export class PostgresAccessDeniedError extends CustosError {
  constructor(where: string, user: string, detail: string, options?: { cause?: unknown }) {
    super('StoreAccessDenied', `PostgreSQL at ${where} refused the role ${user} (${detail}).`, options)
  }
}

export class PostgresSchemaMismatchError extends CustosError {
  constructor(where: string, detail: string) {
    super(
      'AppDatabaseMigrationFailed',
      `The database ${where} holds a mediator queue of another schema version (${detail}). It was left as it ` +
        'is; run the same Custos version on every instance, or point this one at its own database.',
    )
  }
}

export class PostgresConfigError extends CustosError {
  constructor(detail: string) {
    super('InvalidInput', `The PostgreSQL URL is not usable: ${detail}.`)
  }
}
