import fs from 'node:fs'

import { promptPassphrase } from './promptPassphrase'

/** Where `serve` takes the passphrase from; the first one given wins, the terminal comes last. */
export interface PassphraseSource {
  /** A file only its owner may read (mode 0600 or stricter); one trailing newline is dropped. */
  file?: string
  /** An open file descriptor (a pipe from a service manager or a script), read to its end. */
  fd?: number
  /** The environment variable; for tests only, as the environment stays readable (see `warning`). */
  env?: string
}

export class PassphraseSourceError extends Error {}

export interface ReadPassphrase {
  passphrase: string
  /** Set when it came from the environment: what a person should know about that. */
  warning?: string
}

/**
 * The passphrase from a file, a file descriptor, the environment or the terminal. Linux keeps a
 * process's starting environment readable in /proc/<pid>/environ for its whole life (deleting from
 * process.env does not clear it), and so do the parents that passed it on; a file or a pipe leaves
 * nothing behind. The variable is still deleted once read, so no child process inherits it.
 */
export async function readPassphrase(source: PassphraseSource, env = process.env): Promise<ReadPassphrase> {
  if (source.file !== undefined) return { passphrase: fromFile(source.file) }
  if (source.fd !== undefined) return { passphrase: fromFd(source.fd) }
  const fromEnv = source.env === undefined ? undefined : env[source.env]
  if (source.env !== undefined) delete env[source.env]
  if (fromEnv) {
    const warning =
      `The passphrase came from the environment variable ${source.env}, which stays readable in ` +
      `/proc/<pid>/environ of this process and the ones that started it. Use --passphrase-file or ` +
      `--passphrase-fd outside of tests.`
    return { passphrase: fromEnv, warning }
  }
  return { passphrase: process.stdin.isTTY ? await promptPassphrase('Store passphrase: ') : '' }
}

function fromFile(file: string): string {
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch {
    throw new PassphraseSourceError(`The passphrase file ${file} cannot be read.`)
  }
  if (!stat.isFile()) throw new PassphraseSourceError(`The passphrase file ${file} is not a file.`)
  // Windows has no mode bits to check; its ACLs are the person's to set.
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    const mode = (stat.mode & 0o777).toString(8)
    throw new PassphraseSourceError(
      `The passphrase file ${file} can be read by others (mode ${mode}); make it private with chmod 600.`,
    )
  }
  return withoutNewline(fs.readFileSync(file, 'utf8'))
}

function fromFd(fd: number): string {
  try {
    return withoutNewline(fs.readFileSync(fd, 'utf8'))
  } catch {
    throw new PassphraseSourceError(`Nothing could be read from file descriptor ${fd}.`)
  } finally {
    fs.close(fd, () => undefined)
  }
}

function withoutNewline(text: string): string {
  return text.replace(/\r?\n$/, '')
}
