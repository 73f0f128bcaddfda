import { parseArgs } from 'node:util'

export const USAGE =
  'Usage: npm run demo -- --data-dir DIR [--companies-only] [--port P]\n' +
  '  Starts the sample companies (registry, employer, bank, lender; an OpenID4VC bank and lender) and, unless --companies-only, a node\n' +
  '  on DIR/node that answers as the person would (passphrase from CUSTOS_PASSPHRASE). With\n' +
  '  --companies-only, paste the printed invitations into your running node (connections.acceptInvitation),\n' +
  '  and the OpenID4VC offer and request links into "Open a link from a company" on My data or Requests.'

export interface DemoArgs {
  dataDir: string
  companiesOnly: boolean
  /** First port of the four companies (the registry's web host at +4, the OpenID4VC bank and lender at +5 and +6); 0 picks free ones. */
  port: number
}

export class UsageError extends Error {}

export function parseDemoArgs(argv: string[]): DemoArgs {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        'data-dir': { type: 'string' },
        'companies-only': { type: 'boolean', default: false },
        port: { type: 'string', default: '0' },
      },
    }))
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const dataDir = values['data-dir']
  if (!dataDir) throw new UsageError('--data-dir is required.')
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65528)
    throw new UsageError(`--port must be 0-65528, not ${values.port}.`)
  return { dataDir, companiesOnly: values['companies-only'], port }
}
