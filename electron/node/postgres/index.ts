// PostgreSQL for a mediator that outgrows one machine: where it is, and a check before anything opens.
// The desktop app never uses it; its store and app database stay in the data directory.
export { instanceIdIn } from './instanceId'
export { checkPostgres, postgresError } from './checkPostgres'
export {
  PostgresAccessDeniedError,
  PostgresConfigError,
  PostgresSchemaMismatchError,
  PostgresUnreachableError,
} from './postgresErrors'
export { describePostgres, parsePostgresUrl, type PostgresConnection } from './postgresUrl'
