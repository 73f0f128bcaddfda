// Headless node: `npm run serve -- --data-dir DIR [--port P] [--host H] [--mediator] [--passphrase-file F]`.
// With --ui [--ui-port P] it starts locked and serves the web UI on 127.0.0.1, where the passphrase is typed;
// its sign-in link works once, and SIGUSR1 prints a fresh one.
// The passphrase comes from a 0600 file (--passphrase-file), a file descriptor (--passphrase-fd), the
// terminal, or, for tests, the environment (CUSTOS_PASSPHRASE, or the variable --passphrase-env names;
// it stays readable in /proc/<pid>/environ, so serve warns). Never from argv, which other users of the
// machine can read in the process list.
// A mediator of several instances adds --postgres URL (no password in it) or --postgres-env VAR (the URL,
// password included, in that variable): its store and pickup queue are then in that PostgreSQL database.
// --issuer-ca FILE (repeatable) trusts that authority for issuers' did:web hosts too (the demo's CA).
import 'reflect-metadata'

import '../askar/register'

import fs from 'node:fs'

import { passphraseSchema } from '../../../shared/api'
import { InvalidInputError, isCustosError, StoreNotFoundError } from '../../../shared/errors'
import { CustosNode } from '../CustosNode'
import { ownMessages } from '../platform/zodMessages'
import { startWebBridge, type WebBridge } from '../webBridge'
import { PassphraseSourceError, readPassphrase } from './readPassphrase'
import { parseServeArgs, UsageError, USAGE, type ServeArgs } from './serveArgs'

async function main(): Promise<number> {
  let args: ServeArgs
  let issuerCas: string[]
  try {
    args = parseServeArgs(process.argv.slice(2))
    issuerCas = args.issuerCaFiles.map(readCertificate)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`${error.message}\n${USAGE}\n`)
    return 2
  }
  // With --ui the passphrase is typed in the page, so none is asked for here.
  let passphrase = ''
  if (!args.ui) {
    try {
      const read = await readPassphrase(args.passphrase)
      passphrase = read.passphrase
      if (read.warning) process.stderr.write(`custos serve: ${read.warning}\n`)
    } catch (error) {
      if (!(error instanceof PassphraseSourceError)) throw error
      process.stderr.write(`${error.message}\n`)
      return 2
    }
    if (!passphrase) {
      process.stderr.write(
        `Give the store passphrase with --passphrase-file FILE (mode 600) or --passphrase-fd N, or type it at a terminal (tests: ${args.passphraseEnv}).\n`,
      )
      return 2
    }
  }

  // Listen before the slow unlock, so a stop request during start-up still ends in a clean close.
  const stopRequested = new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve())
  })
  const node = CustosNode.open({
    dataDir: args.dataDir,
    label: args.label,
    inbound: { host: args.host, port: args.port, publicUrl: args.publicUrl },
    mediator: args.mediator,
    postgres: args.postgresUrl === undefined ? undefined : { url: args.postgresUrl },
    issuerHosts: { extraCaCertificates: issuerCas },
  })
  let stopping: Promise<void> | undefined
  let ui: WebBridge | undefined
  const stop = (): Promise<void> => (stopping ??= Promise.resolve(ui?.close()).finally(() => node.close()))
  try {
    if (args.ui) {
      const bridge = await startWebBridge({ node, port: args.uiPort })
      ui = bridge
      process.stdout.write(`ui: ${bridge.url}\n`)
      // The link works once; a person who lost the page's session asks for a fresh one.
      process.stdout.write(`(the link works once; for a new one: kill -USR1 ${process.pid})\n`)
      process.on('SIGUSR1', () => process.stdout.write(`ui: ${bridge.newSignInUrl()}\n`))
    } else await unlockAndAnnounce(node, args, passphrase)
  } catch (error) {
    await stop()
    throw error
  }

  // Runs until stopped; the store is locked and the data directory released before exiting 0.
  await stopRequested
  await stop()
  return 0
}

// Without --ui the node unlocks at once and prints where and how others reach it.
async function unlockAndAnnounce(node: CustosNode, args: ServeArgs, passphrase: string): Promise<void> {
  if (node.status().state === 'no-store') await node.createStore(newStorePassphrase(passphrase))
  else if (args.postgresUrl !== undefined) await unlockOrCreate(node, passphrase)
  else await node.unlock(passphrase)
  const invitation = await node.agent.modules.custosConnections.standingInvitation()
  process.stdout.write(`endpoints: ${(node.endpoints ?? []).join(' ')}\n`)
  if (args.mediator) {
    // One device per invitation: whoever else gets the standing link can connect, not use the mediator.
    const device = await node.agent.modules.custosMediation.createDeviceInvitation()
    process.stdout.write(`mediator: on\ndevice invitation: ${device.url}\n`)
  }
  process.stdout.write(`invitation: ${invitation.url}\n`)
}

// On PostgreSQL the first instance makes the store; the others, and every later start, open it.
async function unlockOrCreate(node: CustosNode, passphrase: string): Promise<void> {
  try {
    await node.unlock(passphrase)
  } catch (error) {
    if (!(error instanceof StoreNotFoundError)) throw error
    await node.createStore(newStorePassphrase(passphrase))
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Typed errors and option errors are for a person; anything else is a bug, so its stack is printed.
    const message =
      isCustosError(error) || error instanceof RangeError ? error.message : ((error as Error)?.stack ?? String(error))
    process.stderr.write(`custos serve: ${message}\n`)
    process.exit(1)
  },
)

// A new store gets the same rule as one made in the app: its passphrase is all that protects it.
function newStorePassphrase(passphrase: string): string {
  const checked = passphraseSchema.safeParse(passphrase, { error: ownMessages })
  if (!checked.success) throw new InvalidInputError(checked.error.issues.map((issue) => issue.message).join(' '))
  return checked.data
}

/** A CA certificate file for issuers' hosts; a file that is not one stops the start with a sentence. */
function readCertificate(file: string): string {
  let pem: string
  try {
    pem = fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw new UsageError(`--issuer-ca ${file} cannot be read: ${(error as Error).message}`)
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----'))
    throw new UsageError(`--issuer-ca ${file} holds no PEM certificate.`)
  return pem
}
