import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const FILE = 'mediator-instance-id'

/**
 * The name of a mediator instance among those sharing one PostgreSQL. Kept in its data directory, so it
 * is the same after a restart (and the instance releases its own leases then, not another's), and
 * different for every data directory (each instance has its own).
 */
export function instanceIdIn(dataDir: string): string {
  const file = path.join(dataDir, FILE)
  if (fs.existsSync(file)) {
    const id = fs.readFileSync(file, 'utf8').trim()
    if (/^[\w.-]{1,100}$/.test(id)) return id
  }
  const id = randomUUID()
  fs.writeFileSync(file, `${id}\n`, { mode: 0o600 })
  return id
}
