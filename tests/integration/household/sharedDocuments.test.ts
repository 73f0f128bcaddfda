import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import {
  Issuer,
  jointStatement,
  lastMonths,
  Lender,
  offerJointStatement,
  samplePerson,
  statementDescriptors,
} from '../../../scripts/companies'
import { eventually } from '../../helpers/companies'
import { freePort } from '../../helpers/freePort'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import { connectMembers, startMembers } from './householdCompanies'

const POLL = { timeout: 30_000, interval: 100 }
const [anna, ben] = [samplePerson(23), samplePerson(24)]
const [period] = lastMonths(1)
const STATEMENT = { id: 'statement', input_descriptors: statementDescriptors([period]) }

// Issue 23, shared documents: a joint account's statement issued by the bank to both members' own nodes
// (no endpoint of their own, reached through the household node); each copy answers and is revoked alone.
describe('shared documents: a joint statement held by each member, each copy with its own history', () => {
  const tmp = makeTmpDir()
  let household: CustosNode
  const nodes = new Map<string, CustosNode>()
  let bank: Issuer
  let lender: Lender
  const lenderConnection = new Map<string, string>()
  let digestSRI: string

  const node = (name: string) => nodes.get(name)!
  const api = (name: string) => apiOf(node(name))

  beforeAll(async () => {
    household = await startNode(`${tmp.dir}/household`, { label: 'household', mediator: true })
    const company = async (name: string) => ({ name, dataDir: `${tmp.dir}/${name}`, port: await freePort() })
    ;[bank, lender] = await Promise.all([company('Bank').then(Issuer.start), company('Lender').then(Lender.start)])
    for (const [name, member] of await startMembers(tmp.dir, household, [anna.name, ben.name])) nodes.set(name, member)
  })
  afterAll(async () => {
    await Promise.all([...nodes.values(), household].map((each) => each?.close()))
    await Promise.all([bank, lender].map((company) => company?.stop().catch(() => undefined)))
    tmp.cleanup()
  })

  it("the bank issues the same statement to each member over that member's own connection", async () => {
    const links = await connectMembers(bank, [node(anna.name), node(ben.name)])
    const copies = [anna, ben].map((person) => ({
      holder: person.name,
      connectionId: links.get(node(person.name))!.companyConnectionId,
    }))
    const { offers } = await offerJointStatement(bank, jointStatement([anna, ben], period), copies)
    digestSRI = offers[0].claims.document.digestSRI
    expect(offers[1].claims.document.digestSRI).toBe(digestSRI)
    for (const { holder, claims } of offers) {
      const offer = await eventually(async () => (await api(holder)['credentials.listOffers'](undefined))[0], 30_000)
      const held = await api(holder)['credentials.acceptOffer']({ id: offer.id })
      expect(held.claims).toEqual(claims)
      expect(held.claims).toMatchObject({ accountHolder: holder, accountHolders: [anna.name, ben.name] })
      expect(held.documents).toEqual([expect.objectContaining({ digestSRI })])
    }
  })

  it("a lender asking each member gets each member's own answer, under that member's consent", async () => {
    const proofs = new Map<string, string>()
    const links = await connectMembers(lender, [node(anna.name), node(ben.name)])
    for (const person of [anna, ben]) {
      const { companyConnectionId } = links.get(node(person.name))!
      lenderConnection.set(person.name, companyConnectionId)
      proofs.set(person.name, await lender.ask(companyConnectionId, STATEMENT))
    }
    for (const person of [anna, ben]) {
      const outcome = lender.outcome(proofs.get(person.name)!, 60_000)
      const request = await eventually(async () => (await api(person.name)['requests.list'](undefined))[0], 30_000)
      expect(request.requester).toBe('Lender')
      await api(person.name)['requests.approve']({ id: request.id })
      const verified = await outcome
      if (verified.state !== 'verified') throw new Error(`the lender refused ${person.name}: ${verified.state}`)
      expect(verified.credentials.map((c) => c.claims.accountHolder)).toEqual([person.name])
      expect(verified.documents?.map((document) => document.attachmentId)).toEqual([`statement-${period}`])
    }
    for (const person of [anna, ben]) {
      const history = () => api(person.name)['disclosures.list'](undefined)
      // Exactly one entry each: the member's own answer, decided by that member.
      await expect.poll(history, POLL).toMatchObject([{ recipient: 'Lender', decidedBy: { kind: 'person' } }])
    }
    const [annaEntry] = await api(anna.name)['disclosures.list'](undefined)
    const [benEntry] = await api(ben.name)['disclosures.list'](undefined)
    expect(annaEntry.threadId).not.toBe(benEntry.threadId)
    expect(annaEntry.credentials[0].credentialId).not.toBe(benEntry.credentials[0].credentialId)
    // The household node only forwarded envelopes: it holds neither copy and has no history of either answer.
    expect(await apiOf(household)['credentials.list'](undefined)).toEqual([])
    expect(await apiOf(household)['disclosures.list'](undefined)).toEqual([])
  })

  it("revoking at one member node leaves the other member's entry and copy untouched", async () => {
    const [annaEntry] = await api(anna.name)['disclosures.list'](undefined)
    const [benBefore] = await api(ben.name)['disclosures.list'](undefined)
    expect((await api(anna.name)['disclosures.revoke']({ id: annaEntry.id })).revokedAt).toBeDefined()
    await expect.poll(() => lender.deleted, POLL).toContain(annaEntry.threadId)
    expect(lender.deleted).not.toContain(benBefore.threadId)

    const [benAfter] = await api(ben.name)['disclosures.list'](undefined)
    expect(benAfter).toEqual({ ...benBefore, revokedAt: undefined })
    for (const person of [anna, ben]) {
      const [held] = await api(person.name)['credentials.list'](undefined)
      const viewed = await api(person.name)['credentials.getDocument']({ id: held.id, digestSRI })
      expect(Buffer.from(viewed.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-')
    }

    // Anna's revocation refuses the lender's next request at her node only: at Ben's it waits for Ben.
    await lender.ask(lenderConnection.get(ben.name)!, STATEMENT)
    const waiting = await eventually(async () => (await api(ben.name)['requests.list'](undefined))[0], 30_000)
    expect(waiting.requester).toBe('Lender')
  })
})
