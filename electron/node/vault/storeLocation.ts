import fs from 'node:fs'

import { InvalidInputError } from '../../../shared/errors'
import type { DataDirLayout } from '../platform'
import { checkPostgres, describePostgres } from '../postgres'
import type { VaultOptions } from './VaultOptions'

type Where = Pick<VaultOptions, 'postgres' | 'checkPostgres'>

/** Whether a store is there: the file in the data directory, or (asked of the server) the PostgreSQL one. */
export async function storeExists(layout: DataDirLayout, where: Where): Promise<boolean> {
  if (!where.postgres) return fs.existsSync(layout.storeFile)
  const found = await checkPostgres(where.postgres)
  // What else lives in that database is checked before the store is created or opened there.
  await where.checkPostgres?.()
  return found.storeExists
}

/** Where the store is, in the words an error shows a person. */
export function describeStore(layout: DataDirLayout, where: Where): string {
  return where.postgres ? describePostgres(where.postgres) : layout.storeFile
}

/** File operations (backups, remembering, passphrase changes) on a store that is not a file. */
export function refuseOnPostgres(where: Where, what: string): void {
  if (where.postgres)
    throw new InvalidInputError(`This node's store is on PostgreSQL; ${what} is done with the database's own tools.`)
}
