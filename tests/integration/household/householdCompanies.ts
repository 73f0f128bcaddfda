import type { CustosNode } from '../../../electron/node'
import type { Issuer, Lender } from '../../../scripts/companies'
import { multiUseInvitation } from '../../../scripts/companies/didKeyRouting'
import { eventually } from '../../helpers/companies'
import { apiOf, startNode } from '../../helpers/nodes'

/**
 * One company connected to several members' nodes. A sample company's single-use invitations all carry its
 * did:key, and Credo takes a request for a key only under one invitation, so for a household the company
 * makes one multi-use invitation under that key (the node still ties the connection to the key by it).
 */
export async function connectMembers(
  company: Issuer | Lender,
  members: CustosNode[],
): Promise<Map<CustosNode, { nodeConnectionId: string; companyConnectionId: string }>> {
  const { url, outOfBandId } = await multiUseInvitation(company)
  const links = new Map<CustosNode, { nodeConnectionId: string; companyConnectionId: string }>()
  const taken = new Set<string>()
  for (const member of members) {
    const nodeSide = await apiOf(member)['connections.acceptInvitation']({ url })
    await member.agent.didcomm.connections.returnWhenIsConnected(nodeSide.id, { timeoutMs: 30_000 })
    // Members connect one after another: the ready connection not yet taken is this member's.
    const companySide = await eventually(async () => {
      const connections = await company.agent.didcomm.connections.findAllByOutOfBandId(outOfBandId)
      return connections.find((connection) => connection.isReady && !taken.has(connection.id))
    }, 30_000)
    taken.add(companySide.id)
    links.set(member, { nodeConnectionId: nodeSide.id, companyConnectionId: companySide.id })
  }
  return links
}

/** Members' nodes with no endpoint of their own, each using the household node as its mediator. */
export async function startMembers(dir: string, household: CustosNode, labels: string[]) {
  const members = new Map<string, CustosNode>()
  for (const label of labels) {
    const member = await startNode(`${dir}/${label}`, { label, inbound: undefined })
    const device = await apiOf(household)['mediation.createDeviceInvitation'](undefined)
    await apiOf(member)['mediation.useMediator']({ invitationUrl: device.url })
    members.set(label, member)
  }
  return members
}
