import { AskarStoreError, AskarStoreInvalidKeyError, AskarStoreNotFoundError } from '@credo-ts/askar'
import { AskarError } from '@openwallet-foundation/askar-shared'

import {
  StoreAccessDeniedError,
  StoreBusyError,
  StoreCorruptError,
  StoreNotFoundError,
  WrongPassphraseError,
} from '../../../shared/errors'
import { describePostgres, postgresError, PostgresUnreachableError, type PostgresConnection } from '../postgres'

// Askar's error codes (askar's ErrorCode); Credo keeps the AskarError as the cause of its AskarStoreError.
const ASKAR_BACKEND = 1
const ASKAR_BUSY = 2
const ASKAR_ENCRYPTION = 4
const ASKAR_INPUT = 5
// A passphrase tried on a store keyed by a raw key (remembered on a device), or the other way round.
const KEY_METHOD_MISMATCH = /key method mismatch/i
const ACCESS = /permission denied|readonly|read-only|unable to open|access is denied|EACCES|EPERM/i
const LOCKED = /database is locked|busy/i
const UNREACHABLE = /connect|pool|timed out|refused|closed/i

/**
 * Says what kept the store from opening, so a person is told what to do: another program holds it, the
 * account may not read it, or it is really damaged. Only the last is "corrupt".
 */
export function storeOpenError(file: string, error: unknown): Error {
  if (error instanceof AskarStoreInvalidKeyError) return new WrongPassphraseError({ cause: error })
  if (error instanceof AskarStoreNotFoundError) return new StoreNotFoundError(file, { cause: error })
  // Askar called directly (re-keying a closed store) throws its own error, as Credo keeps it in `cause`.
  if (error instanceof AskarError && error.code === ASKAR_ENCRYPTION) return new WrongPassphraseError({ cause: error })
  if (!(error instanceof AskarStoreError) && !(error instanceof AskarError)) return error as Error
  const cause = (error instanceof AskarError ? error : error.cause) as { code?: unknown; message?: unknown } | undefined
  const code = typeof cause?.code === 'number' ? cause.code : undefined
  const text = `${error.message} ${typeof cause?.message === 'string' ? cause.message : ''}`
  if (code === ASKAR_INPUT && KEY_METHOD_MISMATCH.test(text)) return new WrongPassphraseError({ cause: error })
  if (code === ASKAR_BUSY || (code === ASKAR_BACKEND && LOCKED.test(text)))
    return new StoreBusyError(file, { cause: error })
  if (ACCESS.test(text)) return new StoreAccessDeniedError(file, { cause: error })
  return new StoreCorruptError(file, error.message, { cause: error })
}

/**
 * The same for a store on PostgreSQL (checkPostgres has already said whether the server answers and
 * takes the role): a wrong passphrase, no store yet, or the server failing Askar in between.
 */
export function postgresStoreOpenError(connection: PostgresConnection, error: unknown): Error {
  const where = describePostgres(connection)
  if (error instanceof AskarStoreInvalidKeyError) return new WrongPassphraseError({ cause: error })
  if (error instanceof AskarStoreNotFoundError) return new StoreNotFoundError(where, { cause: error })
  if (error instanceof AskarError && error.code === ASKAR_ENCRYPTION) return new WrongPassphraseError({ cause: error })
  if (!(error instanceof AskarStoreError) && !(error instanceof AskarError)) return postgresError(connection, error)
  const cause = (error instanceof AskarError ? error : error.cause) as { message?: unknown } | undefined
  const detail = typeof cause?.message === 'string' ? cause.message : error.message
  const line = detail.split('\n')[0]
  if (UNREACHABLE.test(detail)) return new PostgresUnreachableError(where, line, { cause: error })
  return new StoreCorruptError(where, line, { cause: error })
}
