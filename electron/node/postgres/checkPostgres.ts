import pg from 'pg'

import { CustosError } from '../../../shared/errors'
import { PostgresAccessDeniedError, PostgresUnreachableError } from './postgresErrors'
import { describePostgres, type PostgresConnection } from './postgresUrl'

const CONNECT_TIMEOUT_MS = 5_000
// SQLSTATEs of a refused login: wrong password, no pg_hba.conf entry, role may not log in.
const REFUSED = new Set(['28P01', '28000'])
const NO_DATABASE = '3D000'

/**
 * One connection attempt before Askar opens its pool: Askar would retry an unreachable server for its
 * whole connect timeout and then report a pool error, where node-postgres says at once what is wrong.
 * A database that does not exist yet is fine: Askar creates it when it provisions the store.
 */
export async function checkPostgres(connection: PostgresConnection): Promise<void> {
  const client = new pg.Client({ connectionString: connection.url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS })
  // An error after connecting (the server going away) must not crash the process; the query reports it.
  client.on('error', () => undefined)
  try {
    await client.connect()
    await client.query('SELECT 1')
  } catch (error) {
    if ((error as { code?: unknown }).code === NO_DATABASE) return
    throw postgresError(connection, error)
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** A typed, one-line error for what node-postgres threw; errors already typed pass through. */
export function postgresError(connection: PostgresConnection, error: unknown): Error {
  if (error instanceof CustosError) return error
  const where = describePostgres(connection)
  const { code, message } = error as { code?: unknown; message?: unknown }
  const detail = typeof message === 'string' && message ? message.split('\n')[0] : String(error)
  if (typeof code === 'string' && REFUSED.has(code))
    return new PostgresAccessDeniedError(where, connection.user, detail, { cause: error })
  // No SQLSTATE: the socket never got to a server (refused, unknown host, timeout, TLS).
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code))
    return new PostgresUnreachableError(where, detail, { cause: error })
  return error instanceof Error ? error : new Error(detail)
}
