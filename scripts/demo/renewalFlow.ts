import path from 'node:path'

import { createApi, type CustosNode } from '../../electron/node'
import { freePort } from '../../tests/helpers/freePort'
import { JointLender } from '../../tests/integration/household/jointLender'
import { demoPrivateKey, Lender, samplePerson, type Issuer } from '../companies'
import { offerPropertyRecord, PROPERTY_RECORD, propertyRecordClaims, sampleProperty } from '../companies/propertyRecord'
import { renewalDefinition, renewalGoal, renewalTerms } from '../companies/renewalRequest'
import { completed } from './demoFlow'
import type { Say } from './say'

export interface RenewalHousehold {
  anna: CustosNode
  ben: CustosNode
  /** The registry's connection to each owner's node. */
  registryToAnna: string
  registryToBen: string
}

/** The person's name as their identity credential states it. */
async function nameOf(node: CustosNode): Promise<string> {
  const held = await createApi(node).api['credentials.list'](undefined)
  const name = held.find((credential) => credential.types.includes('IdentityCredential'))?.claims.name
  return typeof name === 'string' ? name : 'an owner'
}

/** Resolves once the node holds a credential of `type`. */
async function holds(node: CustosNode, type: string): Promise<void> {
  const { api } = createApi(node)
  while (!(await api['credentials.list'](undefined)).some((held) => held.types.includes(type))) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/**
 * Issue 23, after the joint mortgage: the sample registry issues the land registry's extract of the home
 * to both owners' nodes (a copy each), and an insurer (a plain Credo agent under the demo insurer's key)
 * asks both for a home-insurance renewal: each owner's address and their copy of the extract. The joint
 * application's steps (picking Ben, Ben joining) are taken by the listeners runJointFlow set; each node
 * answers its own owner's part. Returns a function that stops the insurer.
 */
export async function runRenewalFlow(
  household: RenewalHousehold,
  registry: Issuer,
  dir: string,
  say: Say,
): Promise<() => Promise<void>> {
  const { anna, ben } = household
  const property = sampleProperty(Math.floor(Math.random() * 9000), samplePerson(Math.floor(Math.random() * 1e6)))
  const claims = { ...propertyRecordClaims(property, []), owners: [await nameOf(anna), await nameOf(ben)] }
  for (const connectionId of [household.registryToAnna, household.registryToBen]) {
    await offerPropertyRecord(registry, connectionId, claims)
  }
  say('Population Registry', `offered the property record of parcel ${property.parcel} to both owners' nodes`)
  await Promise.all([holds(anna, PROPERTY_RECORD), holds(ben, PROPERTY_RECORD)])
  const insurer = await Lender.start({
    name: 'Insurer',
    dataDir: path.join(dir, 'companies', 'insurer-didcomm'),
    port: await freePort(),
    privateKey: demoPrivateKey('Insurer'),
  })
  const stop = () => insurer.stop().catch(() => undefined)
  const { url, outOfBandId } = await insurer.invitation()
  await createApi(anna).api['connections.acceptInvitation']({ url })
  const toAnna = await insurer.connectionFor(outOfBandId)
  await completed(insurer, toAnna)
  const renewal = new JointLender(insurer, { definition: renewalDefinition, terms: renewalTerms, goal: renewalGoal })
  const application = await renewal.askFirst(toAnna)
  say('Insurer', `asked the demo person and a household member for home insurance renewal ${application.id}`)
  await renewal.askSecond(application)
  for (const part of await renewal.bothVerified(application.id, 120_000)) {
    const records = part.credentials.filter((credential) => credential.types.includes(PROPERTY_RECORD)).length
    say(
      'Insurer',
      `verified the part of ${part.names.join(', ') || 'an owner'}: address and ${records} property record`,
    )
  }
  say('Insurer', 'home insurance renewal: both owners verified')
  return stop
}
