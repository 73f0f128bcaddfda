import type { CustosNode } from '../../../electron/node'
import { samplePerson, type Lender } from '../../../scripts/companies'
import { demoPrivateKey } from '../../../scripts/companies/demoKeys'
import { demoTrustList, MORTGAGE_LENDER } from '../../../scripts/trustLists/demoTrustList'
import type { JointApplicationView, PolicyInput } from '../../../shared/api'
import { connectToCompany, eventually, startCompanies, type Companies } from '../../helpers/companies'
import { issueIdentityAndIncome, mortgagePolicy, startLender } from '../../helpers/consent'
import { apiOf, connect, startNode } from '../../helpers/nodes'
import { JointLender } from './jointLender'

export const ANNA = samplePerson(3)
export const BEN = samplePerson(8)

export interface JointHousehold {
  household: CustosNode
  anna: CustosNode
  ben: CustosNode
  companies: Companies
  lender: JointLender
  /** Each member's connection to the other's node (household members on both sides). */
  annaToBen: string
  benToAnna: string
  annaToLender: string
  /** The lender's side of its connection to Anna. */
  lenderToAnna: string
  /** Opens a member's node again (after close()), on the same folder. */
  reopen(label: 'anna' | 'ben'): Promise<CustosNode>
  stop(): Promise<void>
}

/**
 * A household node (the members' mediator) and two members' nodes with no endpoint of their own, each
 * holding their own identity and income from the sample registry and employer; the members connected to
 * each other as household members; Anna connected to the demo lender (the trust list's "Lender" key).
 */
export async function startJointHousehold(dir: string): Promise<JointHousehold> {
  // One set of issuers per member: a sample company answers its single-use invitations under one key,
  // which Credo allows for one connection only.
  const companies = await startCompanies(`${dir}/companies`)
  const benCompanies = await startCompanies(`${dir}/ben-companies`)
  const lender: Lender = await startLender(dir, 'Lender', demoPrivateKey('Lender'))
  const household = await startNode(`${dir}/household`, { label: 'household', mediator: true })
  const open = (label: string) => startNode(`${dir}/${label}`, { label, inbound: undefined })
  const anna = await open('anna')
  const ben = await open('ben')
  for (const member of [anna, ben]) {
    const device = await apiOf(household)['mediation.createDeviceInvitation'](undefined)
    await apiOf(member)['mediation.useMediator']({ invitationUrl: device.url })
  }
  await issueIdentityAndIncome(anna, companies, ANNA)
  await issueIdentityAndIncome(ben, benCompanies, BEN)
  const { inviterConnection, inviteeConnection } = await connect(anna, ben)
  await apiOf(anna)['connections.setRole']({ id: inviterConnection.id, role: 'household-member' })
  await apiOf(ben)['connections.setRole']({ id: inviteeConnection.id, role: 'household-member' })
  const { nodeConnectionId, companyConnectionId } = await connectToCompany(anna, lender)
  const state = {
    household,
    anna,
    ben,
    companies,
    lender: new JointLender(lender),
    annaToBen: inviterConnection.id,
    benToAnna: inviteeConnection.id,
    annaToLender: nodeConnectionId,
    lenderToAnna: companyConnectionId,
    reopen: async (label: 'anna' | 'ben') => (state[label] = await open(label)),
    stop: async () => {
      await Promise.all([state.anna, state.ben, household].map((node) => node.close().catch(() => undefined)))
      await lender.stop().catch(() => undefined)
      await Promise.all([companies.stop(), benCompanies.stop()])
    },
  }
  return state
}

/** Anna shares identity and income with her lender connection; Ben with whoever the demo trust list calls a mortgage lender. */
export async function bothByPolicy(joint: JointHousehold): Promise<void> {
  await apiOf(joint.anna)['consent.createPolicy'](mortgagePolicy(joint.annaToLender))
  await apiOf(joint.ben)['trustLists.import']({ document: JSON.stringify(demoTrustList()) })
  const benPolicy: PolicyInput = { ...mortgagePolicy('unused'), who: { kind: 'role', role: MORTGAGE_LENDER } }
  await apiOf(joint.ben)['consent.createPolicy'](benPolicy)
}

/** The node's part in application `applicationId`, once it is in `state`. */
export function applicationIn(
  node: () => CustosNode,
  applicationId: string,
  state: JointApplicationView['state'],
  timeoutMs = 60_000,
): Promise<JointApplicationView> {
  return eventually(async () => {
    const list = await apiOf(node())['jointApplications.list'](undefined)
    return list.find((application) => application.applicationId === applicationId && application.state === state)
  }, timeoutMs)
}
