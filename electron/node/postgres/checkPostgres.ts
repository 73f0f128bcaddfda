import pg from 'pg'

import { CustosError } from '../../../shared/errors'
import { PostgresAccessDeniedError, PostgresUnreachableError } from './postgresErrors'
import { describePostgres, type PostgresConnection } from './postgresUrl'

const CONNECT_TIMEOUT_MS = 5_000
// SQLSTATEs of a refused role: wrong password, no pg_hba.conf entry, and (once in) missing privileges.
const REFUSED = new Set(['28P01', '28000', '42501'])
const NO_DATABASE = '3D000'

/**
 * One connection attempt before Askar opens its pool: Askar would retry an unreachable server for its
 * whole connect timeout and then report a pool error, where node-postgres says at once what is wrong.
 * Says whether the database holds an Askar store yet (Askar's own answer for an empty database is only
 * "Error fetching store configuration"); a database that does not exist yet is fine: Askar creates it.
 */
export async function checkPostgres(connection: PostgresConnection): Promise<{ storeExists: boolean }> {
  const client = new pg.Client({ connectionString: connection.url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS })
  // An error after connecting (the server going away) must not crash the process; the query reports it.
  client.on('error', () => undefined)
  try {
    await client.connect()
    // Askar's tables, found the way Askar finds them: through the role's search_path.
    const { rows } = await client.query<{ found: boolean }>(
      "SELECT to_regclass('config') IS NOT NULL AND to_regclass('items') IS NOT NULL AS found",
    )
    return { storeExists: rows[0]?.found === true }
  } catch (error) {
    if ((error as { code?: unknown }).code === NO_DATABASE) return { storeExists: false }
    throw postgresError(connection, error)
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** A typed, one-line error for what node-postgres threw; errors already typed pass through. */
export function postgresError(connection: PostgresConnection, error: unknown): Error {
  if (error instanceof CustosError) return error
  const where = describePostgres(connection)
  // drizzle wraps what node-postgres threw ("Failed query: ...") and keeps it as the cause.
  const cause = (error as { cause?: unknown }).cause
  if (cause instanceof Error && 'code' in cause) return postgresError(connection, cause)
  const { code, message } = error as { code?: unknown; message?: unknown }
  const detail = typeof message === 'string' && message ? message.split('\n')[0] : String(error)
  if (typeof code === 'string' && REFUSED.has(code))
    return new PostgresAccessDeniedError(where, connection.user, detail, { cause: error })
  // No SQLSTATE: the socket never got to a server (refused, unknown host, timeout, TLS).
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code))
    return new PostgresUnreachableError(where, detail, { cause: error })
  return error instanceof Error ? error : new Error(detail)
}
