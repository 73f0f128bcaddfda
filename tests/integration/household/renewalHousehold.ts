import path from 'node:path'

import { JsonTransformer } from '@credo-ts/core'

import type { CustosNode } from '../../../electron/node'
import { demoPrivateKey, Issuer, samplePerson } from '../../../scripts/companies'
import { multiUseInvitation } from '../../../scripts/companies/didKeyRouting'
import {
  offerPropertyRecord,
  PROPERTY_RECORD,
  propertyRecordClaims,
  sampleProperty,
} from '../../../scripts/companies/propertyRecord'
import { renewalDefinition, renewalGoal, renewalTerms } from '../../../scripts/companies/renewalRequest'
import { INSURER } from '../../../scripts/trustLists/demoTrustList'
import type { PolicyInput } from '../../../shared/api'
import { connectToCompany, eventually } from '../../helpers/companies'
import { startLender } from '../../helpers/consent'
import { freePort } from '../../helpers/freePort'
import { apiOf } from '../../helpers/nodes'
import { ANNA, BEN, startJointHousehold, type JointHousehold } from './jointHousehold'
import { JointLender } from './jointLender'

/** The joint property: a parcel at an address of its own, owned by Anna and Ben. */
export const PROPERTY = sampleProperty(4711, samplePerson(21))

export interface RenewalHousehold extends JointHousehold {
  insurer: JointLender
  registry: Issuer
  annaToInsurer: string
  insurerToAnna: string
}

/**
 * The joint household (jointHousehold.ts) beside an insurer, a plain Credo agent under the demo insurer's
 * key (the demo trust list's "licensed-insurer"), and a land registry that issued the property's extract
 * to each owner's node: the same document, a copy of its own in each.
 */
export async function startRenewalHousehold(dir: string): Promise<RenewalHousehold> {
  const joint = await startJointHousehold(dir)
  const insurer = await startLender(dir, 'Insurer', demoPrivateKey('Insurer'))
  const registry = await Issuer.start({
    name: 'Land Registry',
    dataDir: path.join(dir, 'land-registry'),
    port: await freePort(),
  })
  const claims = propertyRecordClaims(PROPERTY, [ANNA, BEN])
  for (const node of [joint.anna, joint.ben]) {
    // The first owner takes the registry's usual invitation, the second one it may share (propertyRecord.ts).
    const { url, outOfBandId } = await (node === joint.anna ? registry.invitation() : multiUseInvitation(registry))
    const nodeSide = await apiOf(node)['connections.acceptInvitation']({ url })
    const registrySide = await registry.connectionFor(outOfBandId, 60_000)
    // Offered only once the node has the registry's response: an offer before it could be lost.
    await node.agent.didcomm.connections.returnWhenIsConnected(nodeSide.id, { timeoutMs: 60_000 })
    await offerPropertyRecord(registry, registrySide, claims)
    const offer = await eventually(async () => (await apiOf(node)['credentials.listOffers'](undefined))[0], 60_000)
    await apiOf(node)['credentials.acceptOffer']({ id: offer.id })
  }
  const { nodeConnectionId, companyConnectionId } = await connectToCompany(joint.anna, insurer)
  const stop = joint.stop
  return Object.assign(joint, {
    insurer: new JointLender(insurer, { definition: renewalDefinition, terms: renewalTerms, goal: renewalGoal }),
    registry,
    annaToInsurer: nodeConnectionId,
    insurerToAnna: companyConnectionId,
    stop: async () => {
      await stop()
      await Promise.all([insurer.stop(), registry.stop()].map((done) => done.catch(() => undefined)))
    },
  })
}

/** Share identity and the property record for the renewal with `who`, at once. */
export function renewalPolicy(who: PolicyInput['who']): PolicyInput {
  return {
    name: 'Home insurance',
    who,
    what: [
      { type: 'IdentityCredential', claims: ['name', 'dateOfBirth', 'address', 'age_over_18'] },
      { type: PROPERTY_RECORD, claims: ['parcel', 'address', 'owners', 'registeredSince'] },
    ],
    why: ['dpv:ContractPerformance'],
    when: {},
    action: 'share',
    beyond: 'ask',
  }
}

export const insurerRole = (): PolicyInput['who'] => ({ kind: 'role', role: INSURER })

/** The subject DID of the node's own copy of a credential type: each holder's copy names its own. */
export async function subjectsHeld(node: CustosNode, type: string): Promise<string[]> {
  const records = await node.agent.w3cCredentials.getAll()
  return records.flatMap((record) => {
    const json = JsonTransformer.toJSON(record.firstCredential) as {
      type: string[]
      credentialSubject: { id?: string }
    }
    return json.type.includes(type) && json.credentialSubject.id ? [json.credentialSubject.id] : []
  })
}
