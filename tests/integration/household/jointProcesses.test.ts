import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SamplePerson } from '../../../scripts/companies'
import type { NodeProcess } from '../../helpers/processes/NodeProcess'
import { makeTmpDir } from '../../helpers/tmpDir'
import { ANNA, BEN } from './jointHousehold'
import type { JointApplication } from './jointLender'
import { applicationIn, memberRow, startJointProcesses, type JointProcesses } from './jointNodeProcesses'

// A loaded 2-core box: every step below crosses processes and the household node; slowness is not a fault.
const POLL = { timeout: 90_000, interval: 200 }

// Issue 23, tests and figures: the household node, Anna's node and Ben's node each in its own OS process on
// 127.0.0.1 with its own store; the lender a plain Credo 0.6.3 agent in the test process. Both members
// answer by their standing policies, so nobody approves anything by hand.
describe('joint application, every node its own process: both members answer, the lender verifies one application', () => {
  const tmp = makeTmpDir('custos-joint-processes-')
  let joint: JointProcesses

  beforeAll(async () => {
    joint = await startJointProcesses(tmp.dir)
  }, 600_000)
  afterAll(async () => {
    await joint?.stop()
    tmp.cleanup()
  }, 120_000)

  /** The lender asks Anna; Anna's node shows the application and she picks Ben. */
  async function annaBringsBenIn(): Promise<JointApplication> {
    const application = await joint.lender.askFirst(joint.lenderToAnna)
    const picking = await applicationIn(joint.anna, application.id, 'pick-member')
    expect(picking).toMatchObject({ role: 'first', lender: 'Lender', purpose: 'mortgage application' })
    expect(picking.candidates).toEqual([{ connectionId: joint.annaToBen, label: 'ben' }])
    await joint.anna.api('jointApplications.bringIn', { id: picking.id, memberConnectionId: joint.annaToBen })
    return application
  }

  /** Ben's node shows the request to join; Ben joins; the lender asks him on the connection its invitation led to. */
  async function benJoins(application: JointApplication): Promise<void> {
    const asked = await applicationIn(joint.ben, application.id, 'asked')
    expect(asked).toMatchObject({ role: 'second', lender: 'Lender', purpose: 'mortgage application' })
    expect(asked.member).toEqual({ connectionId: joint.benToAnna, label: 'anna' })
    await joint.ben.api('jointApplications.respond', { id: asked.id, join: true })
    await joint.lender.askSecond(application, POLL.timeout)
  }

  async function expectBothVerified(application: JointApplication): Promise<void> {
    const parts = await joint.lender.bothVerified(application.id, POLL.timeout)
    expect(parts.map((part) => part.names).sort()).toEqual([[ANNA.name], [BEN.name]].sort())
    expect(new Set(parts.map((part) => part.connectionId)).size).toBe(2)
    expect(await applicationIn(joint.anna, application.id, 'introduced')).toBeDefined()
    expect((await applicationIn(joint.ben, application.id, 'joined')).requestId).toBeDefined()
  }

  /** What the node holds and what it was asked, as its own API shows them. */
  async function knownTo(node: NodeProcess): Promise<string> {
    return JSON.stringify([await node.api('credentials.list'), await node.api('requests.list')])
  }

  /** Each member's node holds its own person's data and nothing of the other's; the household node holds none. */
  async function expectOwnDataOnly(): Promise<void> {
    const facts = (person: SamplePerson) => [person.name, person.dateOfBirth, String(person.grossYearlyIncome)]
    const anna = await knownTo(joint.anna)
    const ben = await knownTo(joint.ben)
    expect(anna).toContain(ANNA.name)
    expect(ben).toContain(BEN.name)
    for (const fact of facts(BEN)) expect(anna).not.toContain(fact)
    for (const fact of facts(ANNA)) expect(ben).not.toContain(fact)
    expect(await joint.household.api('credentials.list')).toEqual([])
    expect(await joint.household.api('requests.list')).toEqual([])
  }

  it('both answer by standing policy, each on their own node; the lender verifies both parts', async () => {
    const askedAt = Date.now()
    const application = await annaBringsBenIn()
    await benJoins(application)
    await expectBothVerified(application)
    // For the note only (bench/ measures it); Anna's pick and Ben's yes are made at once here.
    console.info(`joint application across processes: lender's request to both verified in ${Date.now() - askedAt} ms`)
    await expectOwnDataOnly()
  }, 400_000)

  it('Ben’s process is killed before Anna brings him in; the household node delivers when it is back', async () => {
    await expect.poll(async () => (await memberRow(joint.household, 'ben'))?.reachable, POLL).toBe(true)
    // As a laptop that loses power: no goodbye to the household node.
    await joint.ben.kill()
    await expect.poll(async () => (await memberRow(joint.household, 'ben'))?.reachable, POLL).toBe(false)

    const application = await annaBringsBenIn()
    // The proposal waits at the household node; Anna's side waits for Ben's word.
    await expect.poll(async () => (await memberRow(joint.household, 'ben'))?.waiting.count, POLL).toBeGreaterThan(0)
    expect(await applicationIn(joint.anna, application.id, 'proposed')).toBeDefined()

    await joint.restart('ben')
    await benJoins(application)
    await expectBothVerified(application)
    await expect.poll(async () => (await memberRow(joint.household, 'ben'))?.waiting.count, POLL).toBe(0)
    await expectOwnDataOnly()
  }, 500_000)
})
