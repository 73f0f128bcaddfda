import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { PROPERTY_RECORD } from '../../../scripts/companies/propertyRecord'
import { demoTrustList } from '../../../scripts/trustLists/demoTrustList'
import { eventually } from '../../helpers/companies'
import { apiOf } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import { ANNA, applicationIn, BEN } from './jointHousehold'
import type { JointApplication, VerifiedPart } from './jointLender'
import {
  insurerRole,
  PROPERTY,
  renewalPolicy,
  startRenewalHousehold,
  subjectsHeld,
  type RenewalHousehold,
} from './renewalHousehold'

// Issue 23, an insurer: it asks the household for what a home-insurance renewal needs (both owners' address
// and the joint property's record), answered by each owner's node as a joint application is.
describe('insurance renewal: an insurer asks both owners of one home', () => {
  const tmp = makeTmpDir()
  let house: RenewalHousehold
  const anna = () => house.anna
  const ben = () => house.ben

  beforeAll(async () => {
    house = await startRenewalHousehold(tmp.dir)
    await apiOf(anna())['consent.createPolicy'](
      renewalPolicy({ kind: 'connection', connectionId: house.annaToInsurer }),
    )
    await apiOf(ben())['trustLists.import']({ document: JSON.stringify(demoTrustList()) })
  }, 300_000)
  afterAll(async () => {
    await house?.stop()
    tmp.cleanup()
  })

  /** Anna's node brings Ben in; Ben's node joins or not. */
  async function bringBenIn(application: JointApplication, join: boolean) {
    const picking = await applicationIn(anna, application.id, 'pick-member')
    expect(picking).toMatchObject({ role: 'first', lender: 'Insurer', purpose: 'home insurance renewal' })
    await apiOf(anna())['jointApplications.bringIn']({ id: picking.id, memberConnectionId: house.annaToBen })
    const asked = await applicationIn(ben, application.id, 'asked')
    expect(asked).toMatchObject({ lender: 'Insurer', purpose: 'home insurance renewal', retention: 'P10Y' })
    await apiOf(ben())['jointApplications.respond']({ id: asked.id, join })
  }

  const ofType = (part: VerifiedPart, type: string) => part.credentials.filter((c) => c.types.includes(type))

  /** The part holds that owner's identity (and no other's) and that owner's own copy of the property record. */
  async function expectOwnPart(
    part: VerifiedPart,
    node: CustosNode,
    [own, other]: (typeof ANNA)[],
    decidedBy: 'policy' | 'person',
  ) {
    const identities = ofType(part, 'IdentityCredential')
    expect(identities.map((c) => c.claims)).toEqual([expect.objectContaining({ name: own.name, address: own.address })])
    expect(JSON.stringify(part.credentials)).not.toContain(other.address.street)
    const [record, ...more] = ofType(part, PROPERTY_RECORD)
    expect(more).toEqual([])
    expect(record.claims).toMatchObject({ parcel: PROPERTY.parcel, address: PROPERTY.address })
    expect(record.claims.owners).toEqual([ANNA.name, BEN.name])
    expect(await subjectsHeld(node, PROPERTY_RECORD)).toEqual([record.claims.id])
    // The answer is in that owner's own history, decided there, naming that node's own copy.
    const { threadId } = await house.insurer.lender.agent.didcomm.proofs.getById(part.proofId)
    const disclosure = (await apiOf(node)['disclosures.list'](undefined)).find((d) => d.threadId === threadId)
    const copy = (await apiOf(node)['credentials.list'](undefined)).find((c) => c.types.includes(PROPERTY_RECORD))
    expect(disclosure?.decidedBy.kind).toBe(decidedBy)
    expect(disclosure?.credentials.map((c) => c.credentialId)).toContain(copy?.id)
  }

  async function expectBothParts(application: JointApplication, benDecides: 'policy' | 'person') {
    const parts = await house.insurer.bothVerified(application.id)
    const records = await house.insurer.lender.agent.didcomm.proofs.findAllByQuery({ parentThreadId: application.id })
    expect(records.map((r) => r.parentThreadId)).toEqual([application.id, application.id])
    const annaPart = parts.find((part) => part.connectionId === house.insurerToAnna)!
    const benPart = parts.find((part) => part.connectionId !== house.insurerToAnna)!
    await expectOwnPart(annaPart, anna(), [ANNA, BEN], 'policy')
    await expectOwnPart(benPart, ben(), [BEN, ANNA], benDecides)
    // Two copies of one document: the same extract, each signed for its own holder.
    expect(ofType(annaPart, PROPERTY_RECORD)[0].claims.id).not.toBe(ofType(benPart, PROPERTY_RECORD)[0].claims.id)
  }

  it('Anna answers by her standing policy, Ben on a prompt on his own node', async () => {
    const application = await house.insurer.askFirst(house.insurerToAnna)
    await bringBenIn(application, true)
    await house.insurer.askSecond(application)
    const joined = await eventually(async () => {
      const found = await applicationIn(ben, application.id, 'joined')
      return found.requestId ? found : undefined
    }, 60_000)
    expect((await apiOf(ben())['requests.get']({ id: joined.requestId! })).state).toBe('request-received')
    await apiOf(ben())['requests.approve']({ id: joined.requestId! })
    await expectBothParts(application, 'person')
  })

  it('Ben does not join: the insurer has Anna’s part only, and Anna’s card says Ben did not join', async () => {
    const sharedBefore = (await apiOf(ben())['disclosures.list'](undefined)).length
    const application = await house.insurer.askFirst(house.insurerToAnna)
    await bringBenIn(application, false)
    const declined = await applicationIn(anna, application.id, 'declined')
    expect(declined.member).toEqual({ connectionId: house.annaToBen, label: 'ben' })
    expect(await applicationIn(ben, application.id, 'declined')).toBeDefined()
    const parts = await eventually(async () => {
      const verified = await house.insurer.verifiedParts(application.id)
      return verified.length === 1 ? verified : undefined
    }, 60_000)
    expect(parts.map((part) => part.names)).toEqual([[ANNA.name]])
    const agent = house.insurer.lender.agent
    expect(await agent.didcomm.connections.findAllByOutOfBandId(application.outOfBandId)).toEqual([])
    expect((await apiOf(ben())['disclosures.list'](undefined)).length).toBe(sharedBefore)
  })

  it('Ben joins but declines his own part: the insurer has Anna’s part verified and Ben’s declined, in his words', async () => {
    const application = await house.insurer.askFirst(house.insurerToAnna)
    await bringBenIn(application, true)
    await house.insurer.askSecond(application)
    const joined = await eventually(async () => {
      const found = await applicationIn(ben, application.id, 'joined')
      return found.requestId ? found : undefined
    }, 60_000)
    const reason = 'I renew my own part later.'
    await apiOf(ben())['requests.decline']({ id: joined.requestId!, reason })
    const proofs = house.insurer.lender.agent.didcomm.proofs
    const benSide = await eventually(async () => {
      const records = await proofs.findAllByQuery({ parentThreadId: application.id })
      return records.find((r) => r.connectionId !== house.insurerToAnna && r.errorMessage)
    }, 60_000)
    expect(benSide.errorMessage).toContain(reason)
    const parts = await eventually(async () => {
      const verified = await house.insurer.verifiedParts(application.id)
      return verified.length === 1 ? verified : undefined
    }, 60_000)
    expect(parts.map((part) => part.connectionId)).toEqual([house.insurerToAnna])
    const history = await apiOf(ben())['disclosures.list'](undefined)
    expect(history.some((d) => d.requestId === joined.requestId)).toBe(false)
  })

  it('both answer by standing policy; each node shares only its own owner’s data', async () => {
    await apiOf(ben())['consent.createPolicy'](renewalPolicy(insurerRole()))
    const application = await house.insurer.askFirst(house.insurerToAnna)
    await bringBenIn(application, true)
    await house.insurer.askSecond(application)
    await expectBothParts(application, 'policy')
  })
})
