// `npm run demo -- --data-dir DIR [--companies-only] [--port P]`: the sample companies next to a node,
// the whole mortgage flow printed as it happens; Ctrl-C stops everything and exits 0.
import 'reflect-metadata'

// Before anything imports Credo (see electron/node/askar/register.ts).
import '../../electron/node/askar/register'

import path from 'node:path'

import type { CustosNode } from '../../electron/node'
import { parseDemoArgs, USAGE, UsageError, type DemoArgs } from './demoArgs'
import { startDemoCompanies, type DemoCompanies } from './demoCompanies'
import { samplePerson } from '../companies'
import { runAgreementsFlow } from './agreementsFlow'
import { runDemoFlow, type Connect } from './demoFlow'
import { acceptInvitation, actAsPerson, openDemoNode } from './demoNode'
import { runJointFlow } from './jointFlow'
import { openId4VcPerson, runOpenId4VcFlow } from './openid4vcFlow'
import { sayer } from './say'

async function main(): Promise<number> {
  let args: DemoArgs
  try {
    args = parseDemoArgs(process.argv.slice(2))
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`${error.message}\n${USAGE}\n`)
    return 2
  }
  const passphrase = process.env.CUSTOS_PASSPHRASE ?? ''
  if (!args.companiesOnly && !passphrase) {
    process.stderr.write(`Set the demo node's passphrase in CUSTOS_PASSPHRASE.\n${USAGE}\n`)
    return 2
  }
  const say = sayer()
  const stopRequested = new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve())
  })
  let companies: DemoCompanies | undefined
  let node: CustosNode | undefined
  let stopPerson = () => {}
  let stopBen = async () => {}
  let stopping = false
  try {
    companies = await startDemoCompanies(path.join(args.dataDir, 'companies'), args.port)
    say(
      'Demo',
      'companies started: Population Registry, Employer, Bank, Lender, Home Insurer, OpenID4VC Bank, OpenID4VC Lender, Insurer (TMF644) (127.0.0.1 only)',
    )
    say(
      'Demo',
      `Population Registry also issues from ${companies.registryDid} (HTTPS, demo CA in ${path.join(args.dataDir, 'companies', 'demo-ca.pem')})`,
    )
    let connect: Connect = async (company) => say('Demo', `paste the ${company} invitation into your node`)
    let atNode: ReturnType<typeof openId4VcPerson> | undefined
    if (!args.companiesOnly) {
      const opened = await openDemoNode(args.dataDir, passphrase, companies.caCertificate)
      node = opened
      say('Demo', `node on ${path.join(args.dataDir, 'node')} at ${(opened.endpoints ?? []).join(' ')}`)
      stopPerson = actAsPerson(opened, say)
      connect = async (_company, url) => acceptInvitation(opened, url)
      atNode = openId4VcPerson(opened, say)
    }
    const person = samplePerson(Math.floor(Math.random() * 1_000_000))
    const { openId4VcBank, openId4VcLender } = companies
    const demo = companies
    const flow = Promise.all([
      runDemoFlow(companies, connect, say, person)
        .then(() =>
          // The agreements walk needs the person's node: with companies only, the person answers in the app.
          node ? runAgreementsFlow(node, demo.lender, demo.lenderAgreements, demo.insurer, say) : undefined,
        )
        .then(async () => {
          // Issue 23: the joint mortgage application, with a second person's node beside the demo person's.
          if (node) stopBen = await runJointFlow(node, demo, args.dataDir, passphrase, say)
        }),
      runOpenId4VcFlow(openId4VcBank, openId4VcLender, person, say, atNode),
    ]).then(
      () => say('Demo', 'flow complete; Ctrl-C stops'),
      // Once stopping, the companies' polls fail as their agents shut down: that is no failure of the flow.
      (error: unknown) => stopping || say('Demo', `flow failed: ${(error as Error).message}`),
    )
    await Promise.race([flow, stopRequested])
    await stopRequested
  } finally {
    stopping = true
    say('Demo', 'stopping')
    stopPerson()
    await stopBen()
    await node?.close().catch(() => undefined)
    await companies?.stop()
  }
  say('Demo', 'stopped')
  return 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`)
    process.exit(1)
  },
)
