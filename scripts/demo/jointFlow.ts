import { createApi, type CustosNode } from '../../electron/node'
import { JointApplicationEventTypes, type JointApplicationChangedEvent } from '../../electron/node/jointApplications'
import { JointLender } from '../../tests/integration/household/jointLender'
import { eitherPath, fullMortgageRequest, lastMonths, samplePerson, type Issuer, type Lender } from '../companies'
import { multiUseInvitation } from '../companies/didKeyRouting'
import type { DemoCompanies } from './demoCompanies'
import { completed } from './demoFlow'
import { actAsPerson, openDemoNode } from './demoNode'
import { issueIdentity, issueIncome, issueStatements } from './issueSamples'
import { runRenewalFlow } from './renewalFlow'
import type { Say } from './say'

const BEN = 'Ben (node)'

async function connectionTo(company: Issuer | Lender, label: string): Promise<string> {
  const found = (await company.agent.didcomm.connections.getAll()).find((c) => c.theirLabel === label)
  if (!found) throw new Error(`${company.name} has no connection to ${label}`)
  return found.id
}

/**
 * Issue 23: the demo lender's joint mortgage application. A second person, Ben, with a node of his own,
 * gets his own data from the same companies; the demo person and Ben mark each other as household members.
 * The lender asks the demo person for identity, income and the last three statements, with an invitation
 * for the second applicant; her node brings Ben in, Ben joins, the lender asks Ben the same on his own
 * connection, and each node answers its own person's part. The lender verifies both, grouped by application.
 */
export async function runJointFlow(
  anna: CustosNode,
  companies: DemoCompanies,
  dir: string,
  passphrase: string,
  say: Say,
): Promise<() => Promise<void>> {
  const ben = await openDemoNode(dir, passphrase, companies.caCertificate, { folder: 'ben', label: 'Ben' })
  const stopBen = actAsPerson(ben, say, BEN)
  const stop = async () => {
    stopBen()
    await ben.close().catch(() => undefined)
  }
  const [annaApi, benApi] = [createApi(anna).api, createApi(ben).api]
  const person = samplePerson(Math.floor(Math.random() * 1_000_000))
  say('Demo', `joint mortgage application: second applicant ${person.name} (generated) on a node of his own`)
  const { registry, employer, bank, lender } = companies
  const registryToBen: string[] = []
  for (const [company, issue] of [
    [registry, issueIdentity],
    [employer, issueIncome],
    [bank, issueStatements],
  ] as const) {
    const invitation = await multiUseInvitation(company)
    await benApi['connections.acceptInvitation']({ url: invitation.url })
    const connectionId = await company.connectionFor(invitation.outOfBandId)
    await completed(company, connectionId)
    if (company === registry) registryToBen.push(connectionId)
    await issue(company, connectionId, person, say)
  }
  const invitation = await annaApi['connections.createInvitation'](undefined)
  const benSide = await benApi['connections.acceptInvitation']({ url: invitation.url })
  await ben.agent.didcomm.connections.returnWhenIsConnected(benSide.id, { timeoutMs: 20_000 })
  const [annaSide] = await anna.agent.didcomm.connections.findAllByOutOfBandId(invitation.id)
  await annaApi['connections.setRole']({ id: annaSide.id, role: 'household-member' })
  await benApi['connections.setRole']({ id: benSide.id, role: 'household-member' })
  say('Demo', 'the demo person and Ben marked each other as household members')

  // The two steps a person takes on the screen: picking the member, and joining.
  anna.agent.events.on<JointApplicationChangedEvent>(JointApplicationEventTypes.JointApplicationChanged, (e) => {
    if (e.payload.role !== 'first' || e.payload.state !== 'pick-member') return
    say('Person (node)', 'asked with a household member: picks Ben')
    void annaApi['jointApplications.bringIn']({ id: e.payload.id, memberConnectionId: annaSide.id })
  })
  ben.agent.events.on<JointApplicationChangedEvent>(JointApplicationEventTypes.JointApplicationChanged, (e) => {
    if (e.payload.role !== 'second' || e.payload.state !== 'asked') return
    say(BEN, 'the demo person asks him to join the joint application: joins')
    void benApi['jointApplications.respond']({ id: e.payload.id, join: true })
  })

  const toAnna = { id: await connectionTo(lender, 'Demo person') }
  const definition = fullMortgageRequest(
    [eitherPath('name'), eitherPath('address.city'), eitherPath('dateOfBirth', 'age_over_18')],
    lastMonths(3),
  )
  const joint = new JointLender(lender)
  const application = await joint.askFirst(toAnna.id, { definition })
  say('Lender', `asked the demo person and a household member for joint application ${application.id}`)
  await joint.askSecond(application, 60_000, definition)
  say('Lender', 'asked the second applicant on the connection its invitation led to')
  for (const part of await joint.bothVerified(application.id, 120_000)) {
    say('Lender', `verified the part of ${part.names.join(', ') || 'an applicant'} (application ${application.id})`)
  }
  say('Lender', 'joint mortgage application: both applicants verified')
  const registryToAnna = await connectionTo(registry, 'Demo person')
  const stopInsurer = await runRenewalFlow(
    { anna, ben, registryToAnna, registryToBen: registryToBen[0] },
    registry,
    dir,
    say,
  )
  return async () => {
    await stopInsurer()
    await stop()
  }
}
