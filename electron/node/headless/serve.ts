// Headless node: `npm run serve -- --data-dir DIR [--port P] [--host H] [--mediator] [--passphrase-file F]`.
// With --ui [--ui-port P] it starts locked and serves the web UI on 127.0.0.1, where the passphrase is typed;
// its sign-in link works once, and SIGUSR1 prints a fresh one.
// The passphrase comes from a 0600 file (--passphrase-file), a file descriptor (--passphrase-fd), the
// terminal, or, for tests, the environment (CUSTOS_PASSPHRASE, or the variable --passphrase-env names;
// it stays readable in /proc/<pid>/environ, so serve warns). Never from argv, which other users of the
// machine can read in the process list.
// A mediator of several instances adds --postgres URL (no password in it) or --postgres-env VAR (the URL,
// password included, in that variable): its store and pickup queue are then in that PostgreSQL database.
import 'reflect-metadata'

import '../askar/register'

import { parseArgs } from 'node:util'

import { passphraseSchema } from '../../../shared/api'
import { InvalidInputError, isCustosError, StoreNotFoundError } from '../../../shared/errors'
import { CustosNode } from '../CustosNode'
import { ownMessages } from '../platform/zodMessages'
import { startWebBridge, type WebBridge } from '../webBridge'
import { PassphraseSourceError, readPassphrase, type PassphraseSource } from './readPassphrase'

const USAGE =
  'Usage: npm run serve -- --data-dir DIR [--port P] [--host H] [--label NAME] [--mediator] [--passphrase-file FILE | --passphrase-fd N | --passphrase-env VAR] [--public-url URL] [--ui [--ui-port P]] [--postgres URL | --postgres-env VAR]'

interface ServeArgs {
  dataDir: string
  host: string
  port: number
  label: string
  mediator: boolean
  passphraseEnv: string
  passphrase: PassphraseSource
  ui: boolean
  uiPort: number
  publicUrl?: string
  postgresUrl?: string
}

class UsageError extends Error {}

function parseServeArgs(argv: string[]): ServeArgs {
  if (argv.some((arg) => arg === '--passphrase' || arg.startsWith('--passphrase='))) {
    throw new UsageError(
      'The passphrase is never taken from the command line; use --passphrase-file or --passphrase-fd.',
    )
  }
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string', default: '0' },
        host: { type: 'string', default: '127.0.0.1' },
        label: { type: 'string', default: 'Custos' },
        mediator: { type: 'boolean', default: false },
        'passphrase-env': { type: 'string', default: 'CUSTOS_PASSPHRASE' },
        'passphrase-file': { type: 'string' },
        'passphrase-fd': { type: 'string' },
        ui: { type: 'boolean', default: false },
        'public-url': { type: 'string' },
        'ui-port': { type: 'string', default: '0' },
        postgres: { type: 'string' },
        'postgres-env': { type: 'string' },
      },
    }))
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const dataDir = values['data-dir']
  if (!dataDir) throw new UsageError('--data-dir is required.')
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be 0-65535, not ${values.port}.`)
  const uiPort = Number(values['ui-port'])
  if (!Number.isInteger(uiPort) || uiPort < 0 || uiPort > 65535)
    throw new UsageError(`--ui-port must be 0-65535, not ${values['ui-port']}.`)
  const fdText = values['passphrase-fd']
  const fd = fdText === undefined ? undefined : Number(fdText)
  if (fd !== undefined && (!Number.isInteger(fd) || fd < 3))
    throw new UsageError(`--passphrase-fd must be an open file descriptor of 3 or more, not ${fdText}.`)
  if (fd !== undefined && values['passphrase-file'] !== undefined)
    throw new UsageError('Give --passphrase-file or --passphrase-fd, not both.')
  return {
    postgresUrl: postgresUrlOf(values.postgres, values['postgres-env'], values.mediator),
    dataDir,
    host: values.host,
    port,
    label: values.label,
    mediator: values.mediator,
    passphraseEnv: values['passphrase-env'],
    passphrase: { file: values['passphrase-file'], fd, env: values['passphrase-env'] },
    ui: values.ui,
    uiPort,
    publicUrl: values['public-url'],
  }
}

function postgresUrlOf(argUrl: string | undefined, envName: string | undefined, mediator: boolean) {
  if (argUrl === undefined && envName === undefined) return undefined
  if (!mediator) throw new UsageError('PostgreSQL is for a mediator only: --postgres needs --mediator.')
  if (argUrl !== undefined && envName !== undefined)
    throw new UsageError('Give --postgres or --postgres-env, not both.')
  if (argUrl !== undefined) {
    if (/^[^:/]+:\/\/[^/@]*:[^/@]*@/.test(argUrl))
      throw new UsageError(
        'No password in --postgres: put the whole URL in a variable and name it with --postgres-env.',
      )
    return argUrl
  }
  const url = envName ? process.env[envName] : undefined
  if (!url) throw new UsageError(`Set the PostgreSQL URL in the environment variable ${envName}.`)
  return url
}

async function main(): Promise<number> {
  let args: ServeArgs
  try {
    args = parseServeArgs(process.argv.slice(2))
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
