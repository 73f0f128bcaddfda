import { parseArgs } from 'node:util'

import type { PassphraseSource } from './readPassphrase'

export const USAGE =
  'Usage: npm run serve -- --data-dir DIR [--port P] [--host H] [--label NAME] [--mediator] [--passphrase-file FILE | --passphrase-fd N | --passphrase-env VAR] [--public-url URL] [--ui [--ui-port P]] [--postgres URL | --postgres-env VAR] [--issuer-ca PEM-FILE ...]'

export interface ServeArgs {
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
  /** PEM files of authorities trusted for issuers' did:web hosts besides the system's (a demo or test CA). */
  issuerCaFiles: string[]
}

/** A command line that cannot run; printed with the usage, exit code 2. */
export class UsageError extends Error {}

export function parseServeArgs(argv: string[]): ServeArgs {
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
        'issuer-ca': { type: 'string', multiple: true },
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
    issuerCaFiles: values['issuer-ca'] ?? [],
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
