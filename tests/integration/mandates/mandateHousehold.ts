import type { CustosNode } from '../../../electron/node'
import { sendOnConnection } from '../../../electron/node/connections'
import {
  MandateDecisionMessage,
  MandateEventTypes,
  type MandateRefusedEvent,
  type RequestConsideredEvent,
} from '../../../electron/node/mandates'
import { identityClaims, incomeClaims, samplePerson, type Lender } from '../../../scripts/companies'
import type { MandateAsk, MandateScope, PolicyInput } from '../../../shared/api'
import { connectToCompany, eventually } from '../../helpers/companies'
import { mortgagePolicy, startHolderBesideCompanies } from '../../helpers/consent'
import { apiOf, connect, startNode, waitForEvent } from '../../helpers/nodes'

export const PERSON = samplePerson(4)

/**
 * Anna (the person, her own node beside the sample companies), Ben (a member whose node has no endpoint
 * of its own: everything for him goes through the household node), their member connection marked as such
 * on both sides, and the lender (a plain Credo agent) connected to Anna.
 */
export async function startMandateHousehold() {
  const holder = await startHolderBesideCompanies(PERSON)
  const household = await startNode(`${holder.dir}/household`, { label: 'household', mediator: true })
  const ben = await startNode(`${holder.dir}/ben`, { label: 'Ben', inbound: undefined })
  const device = await apiOf(household)['mediation.createDeviceInvitation'](undefined)
  await apiOf(ben)['mediation.useMediator']({ invitationUrl: device.url })
  const anna = holder.node
  const { inviterConnection, inviteeConnection } = await connect(anna, ben)
  await apiOf(anna)['connections.setRole']({ id: inviterConnection.id, role: 'household-member' })
  await apiOf(ben)['connections.setRole']({ id: inviteeConnection.id, role: 'household-member' })
  const lenderLink = await connectToCompany(anna, holder.companies.lender)
  return {
    dir: holder.dir,
    anna,
    ben,
    household,
    lender: holder.companies.lender as Lender,
    annaToBen: inviterConnection.id,
    benToAnna: inviteeConnection.id,
    annaToLender: lenderLink.nodeConnectionId,
    lenderToAnna: lenderLink.companyConnectionId,
    stop: async () => {
      await Promise.all([ben, household].map((node) => node.close().catch(() => undefined)))
      await holder.stop()
    },
  }
}

export type MandateHousehold = Awaited<ReturnType<typeof startMandateHousehold>>

/** The clauses of the mortgage policy (identity and income, credit checking, this lender) as a mandate's scope. */
export function mortgageScope(lenderConnectionId: string, when: PolicyInput['when'] = {}): MandateScope {
  const { who, what, why } = mortgagePolicy(lenderConnectionId, when)
  return { who, what, why, when }
}

/** Resolves with the next request Anna's node held against her mandates (put under one, or not). */
export function nextConsidered(anna: CustosNode, count = 1): Promise<RequestConsideredEvent['payload'][]> {
  const seen: RequestConsideredEvent['payload'][] = []
  return new Promise((resolve, reject) => {
    waitForEvent<RequestConsideredEvent>(
      anna,
      MandateEventTypes.RequestConsidered,
      (event) => seen.push(event.payload) >= count,
      60_000,
    ).then(() => resolve(seen), reject)
  })
}

/** Resolves with the sentence of the next refusal `node` hears from the other node. */
export async function nextRefusal(node: CustosNode): Promise<string> {
  const event = await waitForEvent<MandateRefusedEvent>(
    node,
    MandateEventTypes.MandateRefused,
    (e) => e.payload.by === 'the other node',
    60_000,
  )
  return event.payload.reason
}

export async function askOn(node: CustosNode, askId: string, state: MandateAsk['state']): Promise<MandateAsk> {
  return eventually(async () => {
    const ask = (await apiOf(node)['mandates.asks'](undefined)).find((a) => a.id === askId)
    return ask?.state === state ? ask : undefined
  }, 60_000)
}

/** A decision message as the delegate's node would send it, for forging and replaying by hand. */
export function sendDecision(
  from: CustosNode,
  connectionId: string,
  decision: { askId: string; mandateId: string; items: readonly string[]; approve?: boolean },
): Promise<void> {
  const { askId, mandateId, items, approve = true } = decision
  return sendOnConnection(
    from.agent.context,
    connectionId,
    new MandateDecisionMessage({ askId, mandate_id: mandateId, approve, items: [...items] }),
  )
}

/** Every value of the person's identity and income, as text: none of it may reach the delegate. */
export function personValues(): string[] {
  return Object.values({ ...identityClaims(PERSON), ...incomeClaims(PERSON) })
    .flatMap((value) => (typeof value === 'object' && value ? Object.values(value) : [value]))
    .map(String)
    .filter((text) => text.length > 3 && text !== 'true' && text !== 'EUR')
}

export async function waitingRequestIds(node: CustosNode): Promise<string[]> {
  return (await apiOf(node)['requests.list'](undefined)).map((request) => request.id)
}
