import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { eventually } from '../../helpers/companies'
import { apiOf } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import { ANNA, applicationIn, BEN, bothByPolicy, startJointHousehold, type JointHousehold } from './jointHousehold'
import type { JointApplication } from './jointLender'

const POLL = { timeout: 60_000, interval: 100 }

// Issue 23, the joint application: a household node, Anna's and Ben's nodes (no endpoint of their own: all
// through the household node) and a plain Credo lender. Each answers their own part on their own node.
describe('joint application: a lender asks two members of one household for one application', () => {
  const tmp = makeTmpDir()
  let joint: JointHousehold
  const anna = () => joint.anna
  const ben = () => joint.ben

  beforeAll(async () => {
    joint = await startJointHousehold(tmp.dir)
  }, 240_000)
  afterAll(async () => {
    await joint?.stop()
    tmp.cleanup()
  })

  /** Anna picks Ben; Ben agrees to join; the lender asks Ben on the connection its invitation led to. */
  async function bringBenIn(application: JointApplication): Promise<void> {
    const picking = await applicationIn(anna, application.id, 'pick-member')
    expect(picking).toMatchObject({ role: 'first', lender: 'Lender', purpose: 'mortgage application' })
    expect(picking.candidates).toEqual([{ connectionId: joint.annaToBen, label: 'ben' }])
    await apiOf(anna())['jointApplications.bringIn']({ id: picking.id, memberConnectionId: joint.annaToBen })
    const asked = await applicationIn(ben, application.id, 'asked')
    expect(asked).toMatchObject({ role: 'second', lender: 'Lender', purpose: 'mortgage application', retention: 'P7Y' })
    expect(asked.member).toEqual({ connectionId: joint.benToAnna, label: 'anna' })
    await apiOf(ben())['jointApplications.respond']({ id: asked.id, join: true })
    await joint.lender.askSecond(application)
  }

  async function expectBothVerified(application: JointApplication) {
    const parts = await joint.lender.bothVerified(application.id)
    expect(parts.map((part) => part.names).sort()).toEqual([[ANNA.name], [BEN.name]].sort())
    expect(new Set(parts.map((part) => part.connectionId)).size).toBe(2)
    expect(await applicationIn(anna, application.id, 'introduced')).toBeDefined()
    expect((await applicationIn(ben, application.id, 'joined')).requestId).toBeDefined()
  }

  it('Ben answers on a prompt on his own node; Anna on hers', async () => {
    const application = await joint.lender.askFirst(joint.lenderToAnna)
    const annaSide = await applicationIn(anna, application.id, 'pick-member')
    await bringBenIn(application)
    const joined = await eventually(async () => {
      const found = await applicationIn(ben, application.id, 'joined')
      return found.requestId ? found : undefined
    }, 60_000)
    // Nothing answers Ben's part but Ben: his request waits for him.
    expect((await apiOf(ben())['requests.get']({ id: joined.requestId! })).state).toBe('request-received')
    await apiOf(ben())['requests.approve']({ id: joined.requestId! })
    await apiOf(anna())['requests.approve']({ id: annaSide.requestId! })
    await expectBothVerified(application)
  })

  it('both answer by standing policy; neither node holds the other’s credentials', async () => {
    await bothByPolicy(joint)
    const application = await joint.lender.askFirst(joint.lenderToAnna)
    await bringBenIn(application)
    await expectBothVerified(application)
    const held = async (node: CustosNode) => JSON.stringify(await apiOf(node)['credentials.list'](undefined))
    expect(await held(anna())).toContain(ANNA.name)
    expect(await held(anna())).not.toContain(BEN.name)
    expect(await held(ben())).toContain(BEN.name)
    expect(await held(ben())).not.toContain(ANNA.name)
  })

  it('Ben’s node is off when the introduction is sent; the household node delivers it when it is back', async () => {
    const benRow = async () =>
      (await apiOf(joint.household)['household.members'](undefined)).members.find((m) => m.label === 'ben')
    await ben().close()
    await expect.poll(async () => (await benRow())?.reachable, POLL).toBe(false)
    const application = await joint.lender.askFirst(joint.lenderToAnna)
    const picking = await applicationIn(anna, application.id, 'pick-member')
    await apiOf(anna())['jointApplications.bringIn']({ id: picking.id, memberConnectionId: joint.annaToBen })
    // The proposal waits at the household node for Ben's node.
    await expect.poll(async () => (await benRow())?.waiting.count, POLL).toBeGreaterThanOrEqual(1)
    await joint.reopen('ben')
    const asked = await applicationIn(ben, application.id, 'asked')
    await apiOf(ben())['jointApplications.respond']({ id: asked.id, join: true })
    await joint.lender.askSecond(application)
    await expectBothVerified(application)
  })
})
