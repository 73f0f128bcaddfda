import path from 'node:path'

import { identityClaims, incomeClaims, Issuer, type Lender } from '../../../scripts/companies'
import { demoPrivateKey } from '../../../scripts/companies/demoKeys'
import { demoTrustList, MORTGAGE_LENDER } from '../../../scripts/trustLists/demoTrustList'
import type { JointApplicationView, PolicyInput } from '../../../shared/api'
import { eventually } from '../../helpers/companies'
import { mortgagePolicy, startLender } from '../../helpers/consent'
import { freePort } from '../../helpers/freePort'
import { NodeProcess } from '../../helpers/processes/NodeProcess'
import type { NodeProcessConfig } from '../../helpers/processes/protocol'
import { ANNA, BEN } from './jointHousehold'
import { JointLender } from './jointLender'

const PASS = 'correct horse battery staple'
// Three processes start together on two cores busy with other work (see mediatedDesktop.ts); every
// exchange between them below goes through the household node, so a slow one is load, not a fault.
const START_MS = 120_000
const STEP_MS = 90_000

export type Member = 'anna' | 'ben'

export interface JointProcesses {
  household: NodeProcess
  anna: NodeProcess
  ben: NodeProcess
  lender: JointLender
  annaToBen: string
  benToAnna: string
  annaToLender: string
  /** The lender's side of its connection to Anna. */
  lenderToAnna: string
  /** Starts a member's process again on the same data directory (after stop or kill). */
  restart(member: Member): Promise<NodeProcess>
  stop(): Promise<void>
}

/** Resolves with the node's connection `id` once its DID exchange is complete. */
async function completed(node: NodeProcess, id: string): Promise<string> {
  await eventually(async () => {
    const connection = (await node.api('connections.list')).find((c) => c.id === id)
    return connection?.state === 'completed' ? connection : undefined
  }, STEP_MS)
  return id
}

/** The member's node takes the issuer's invitation, then accepts the credential the issuer offers on it. */
async function issue(node: NodeProcess, issuer: Issuer, offer: Parameters<Issuer['offer']>[1]): Promise<void> {
  const { url, outOfBandId } = await issuer.invitation()
  const nodeSide = await node.api('connections.acceptInvitation', { url })
  const companySide = await issuer.connectionFor(outOfBandId, STEP_MS)
  await completed(node, nodeSide.id)
  await issuer.offer(companySide, offer)
  const offered = await eventually(async () => (await node.api('credentials.listOffers'))[0], STEP_MS)
  await node.api('credentials.acceptOffer', { id: offered.id })
}

/** A registry and an employer of the person's own (a sample issuer takes one connection per key). */
async function startIssuers(dir: string): Promise<[Issuer, Issuer]> {
  const start = async (name: string) => Issuer.start({ name, dataDir: path.join(dir, name), port: await freePort() })
  return Promise.all([start('Population Registry'), start('Employer')])
}

/**
 * The household node (a mediator with an endpoint) and Anna's and Ben's nodes (no endpoint: everything
 * through the household node, live over its WebSocket, polling every ten minutes at most), each in its
 * own process; the members hold their own identity and income and are household members to each other;
 * Anna is connected to the demo lender (a plain Credo agent in the test process); both answer by policy.
 */
export async function startJointProcesses(dir: string): Promise<JointProcesses> {
  const configs: Record<'household' | Member, NodeProcessConfig> = {
    household: {
      dataDir: `${dir}/household`,
      label: 'household',
      passphrase: PASS,
      port: await freePort(),
      mediator: true,
    },
    anna: { dataDir: `${dir}/anna`, label: 'anna', passphrase: PASS, pollingIntervalMs: 600_000 },
    ben: { dataDir: `${dir}/ben`, label: 'ben', passphrase: PASS, pollingIntervalMs: 600_000 },
  }
  const started = await Promise.allSettled(
    [configs.household, configs.anna, configs.ben].map((config) => NodeProcess.start(config, START_MS)),
  )
  const nodes = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))
  if (nodes.length < 3) {
    // None left running on its data directory when another could not start.
    await Promise.all(nodes.map((node) => node.stop()))
    throw started.find((result) => result.status === 'rejected')?.reason
  }
  const [household, anna, ben] = nodes
  const state = { household, anna, ben }
  const companies: (Issuer | Lender)[] = []
  const stop = async () => {
    await Promise.all([state.household, state.anna, state.ben].map((node) => node.stop()))
    await Promise.all(companies.map((company) => company.stop().catch(() => undefined)))
  }
  try {
    const lender = await startLender(dir, 'Lender', demoPrivateKey('Lender'))
    companies.push(lender)
    for (const member of [anna, ben]) {
      const device = await household.api('mediation.createDeviceInvitation')
      await member.api('mediation.useMediator', { invitationUrl: device.url })
    }
    for (const [member, person] of [
      [anna, ANNA],
      [ben, BEN],
    ] as const) {
      const [registry, employer] = await startIssuers(`${dir}/${member.config.label}-companies`)
      companies.push(registry, employer)
      await issue(member, registry, { kind: 'IdentityCredential', claims: identityClaims(person) })
      await issue(member, employer, { kind: 'IncomeCredential', claims: incomeClaims(person) })
    }

    const invitation = await anna.api('connections.createInvitation')
    const benToAnna = await completed(ben, (await ben.api('connections.acceptInvitation', { url: invitation.url })).id)
    const annaToBen = await eventually(async () => {
      const connections = await anna.api('connections.list')
      return connections.find((c) => c.theirLabel === 'ben' && c.state === 'completed')?.id
    }, STEP_MS)
    await anna.api('connections.setRole', { id: annaToBen, role: 'household-member' })
    await ben.api('connections.setRole', { id: benToAnna, role: 'household-member' })

    const lenderInvitation = await lender.invitation()
    const annaSide = await anna.api('connections.acceptInvitation', { url: lenderInvitation.url })
    const lenderToAnna = await lender.connectionFor(lenderInvitation.outOfBandId, STEP_MS)
    const annaToLender = await completed(anna, annaSide.id)

    // Anna's policy names her lender connection; Ben has none yet, so his names whoever the demo trust
    // list calls a mortgage lender.
    await anna.api('consent.createPolicy', mortgagePolicy(annaToLender))
    await ben.api('trustLists.import', { document: JSON.stringify(demoTrustList()) })
    const benPolicy: PolicyInput = { ...mortgagePolicy('unused'), who: { kind: 'role', role: MORTGAGE_LENDER } }
    await ben.api('consent.createPolicy', benPolicy)

    return {
      get household() {
        return state.household
      },
      get anna() {
        return state.anna
      },
      get ben() {
        return state.ben
      },
      lender: new JointLender(lender),
      annaToBen,
      benToAnna,
      annaToLender,
      lenderToAnna,
      restart: async (member) => (state[member] = await NodeProcess.start(configs[member], START_MS)),
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}

/** The node's part in application `applicationId`, once it is in `state`. */
export function applicationIn(
  node: NodeProcess,
  applicationId: string,
  state: JointApplicationView['state'],
): Promise<JointApplicationView> {
  return eventually(async () => {
    const list = await node.api('jointApplications.list')
    return list.find((application) => application.applicationId === applicationId && application.state === state)
  }, STEP_MS)
}

/** What the household node shows of a member's node: reachable now, and how much waits for it. */
export async function memberRow(household: NodeProcess, label: Member) {
  const { members } = await household.api('household.members')
  return members.find((member) => member.label === label)
}
