import { PostgresConfigError } from './postgresErrors'

/** Where a mediator's PostgreSQL is, taken apart once for Askar (host, account) and node-postgres (the URL). */
export interface PostgresConnection {
  /** The URL as given, password included: for node-postgres only, never logged. */
  url: string
  /** host:port, as Askar's postgres backend takes it. */
  host: string
  database: string
  user: string
  password: string
}

/** postgres://user[:password]@host[:port]/database; the database is the Askar store's and the queue's. */
export function parsePostgresUrl(url: string): PostgresConnection {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new PostgresConfigError('it is not a URL (expected postgres://user:password@host:port/database)')
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:')
    throw new PostgresConfigError(`the scheme is ${parsed.protocol} (expected postgres:)`)
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''))
  if (!database || database.includes('/')) throw new PostgresConfigError('it names no database')
  if (!parsed.username) throw new PostgresConfigError('it names no role (postgres://ROLE@host/database)')
  if (!parsed.hostname) throw new PostgresConfigError('it names no host')
  return {
    url,
    host: `${parsed.hostname}:${parsed.port || '5432'}`,
    database,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
  }
}

/** The URL without its password, for messages and logs. */
export function describePostgres(connection: PostgresConnection): string {
  return `${connection.user}@${connection.host}/${connection.database}`
}
