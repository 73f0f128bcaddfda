import { randomUUID } from 'node:crypto'

import { DidCommEventTypes, type DidCommMessage, type DidCommMessageProcessedEvent } from '@credo-ts/didcomm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { sendOnConnection } from '../../../electron/node/connections'
import {
  JointInvitationMessage,
  JointProposalMessage,
  type JointResponseMessage,
  NOT_A_MEMBER_ANY_MORE,
  ONLY_MEMBERS,
} from '../../../electron/node/jointApplications'
import { apiOf, waitForEvent } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import { applicationIn, bothByPolicy, startJointHousehold, type JointHousehold } from './jointHousehold'

// Issue 23, refusals: each with a sentence, nothing shared, nothing connected.
describe('joint application: what is refused', () => {
  const tmp = makeTmpDir()
  let joint: JointHousehold
  const anna = () => joint.anna
  const ben = () => joint.ben

  beforeAll(async () => {
    joint = await startJointHousehold(tmp.dir)
    await bothByPolicy(joint)
  }, 240_000)
  afterAll(async () => {
    await joint?.stop()
    tmp.cleanup()
  })

  const processedBy = (node: CustosNode, message: DidCommMessage) =>
    waitForEvent<DidCommMessageProcessedEvent>(
      node,
      DidCommEventTypes.DidCommMessageProcessed,
      (event) => event.payload.message.id === message.id,
      60_000,
    )
  const lenderConnections = async () => (await joint.lender.lender.agent.didcomm.connections.getAll()).length
  const benApplications = async (applicationId: string) =>
    (await apiOf(ben())['jointApplications.list'](undefined)).filter((a) => a.applicationId === applicationId)

  /** A proposal as Anna's node would send it, straight from her agent (her store knows nothing of it). */
  async function proposeByHand(applicationId: string = randomUUID()) {
    const proposal = new JointProposalMessage({
      applicationId,
      to: { name: 'Lender', description: 'mortgage application' },
      terms: { purpose: 'mortgage application' },
    })
    const processed = processedBy(ben(), proposal)
    await sendOnConnection(anna().agent.context, joint.annaToBen, proposal)
    await processed
    return proposal
  }

  it('refuses an introduction from a connection that is not a household member, in words', async () => {
    const benAtHousehold = (await apiOf(joint.household)['household.members'](undefined)).members.find(
      (m) => m.label === 'ben',
    )!
    const applicationId = randomUUID()
    const proposal = new JointProposalMessage({ applicationId, to: { name: 'Lender' }, terms: {} })
    const answered = waitForEvent<DidCommMessageProcessedEvent>(
      joint.household,
      DidCommEventTypes.DidCommMessageProcessed,
      (event) => event.payload.message.threadId === proposal.id,
      60_000,
    )
    await sendOnConnection(joint.household.agent.context, benAtHousehold.connectionId, proposal)
    const response = (await answered).payload.message as JointResponseMessage
    expect(response).toMatchObject({ approve: false, comment: ONLY_MEMBERS })
    expect(await benApplications(applicationId)).toEqual([])
    // Nor can Anna's node bring in anyone but a member: the lender's connection, say.
    const application = await joint.lender.askFirst(joint.lenderToAnna)
    const picking = await applicationIn(anna, application.id, 'pick-member')
    await expect(
      apiOf(anna())['jointApplications.bringIn']({ id: picking.id, memberConnectionId: joint.annaToLender }),
    ).rejects.toMatchObject({ code: 'InvalidInput', message: expect.stringMatching(/member of your household/) })
  })

  it('refuses a lender invitation whose goal code or application id is not this application’s, on both nodes', async () => {
    const before = await lenderConnections()
    // Anna's node reads the lender's request: an invitation for something else is not handed on.
    const wrongGoal = await joint.lender.invitationFor('x', 'other.goal')
    const application = await joint.lender.askFirst(joint.lenderToAnna, { invitation: wrongGoal })
    const refused = await applicationIn(anna, application.id, 'refused')
    expect(refused.refusal).toMatch(/not the one the lender made for this application/)
    await expect(
      apiOf(anna())['jointApplications.bringIn']({ id: refused.id, memberConnectionId: joint.annaToBen }),
    ).rejects.toMatchObject({ code: 'InvalidInput' })

    // Ben's node checks again what it is handed, whoever forwards it.
    for (const [goalCode, namedApplication] of [
      ['other.goal', undefined],
      [undefined, 'another-application'],
    ] as const) {
      const proposal = await proposeByHand()
      const applicationId = proposal.thread!.parentThreadId!
      const asked = await applicationIn(ben, applicationId, 'asked')
      await apiOf(ben())['jointApplications.respond']({ id: asked.id, join: true })
      const url = (await joint.lender.invitationFor(namedApplication ?? applicationId, goalCode)).url
      const invitation = new JointInvitationMessage({ proposalId: proposal.id, applicationId, invitation: url })
      const processed = processedBy(ben(), invitation)
      await sendOnConnection(anna().agent.context, joint.annaToBen, invitation)
      await processed
      const refusedAtBen = await applicationIn(ben, applicationId, 'refused')
      expect(refusedAtBen.refusal).toMatch(/not the one the lender made for this application, so it was not used/)
    }
    expect(await lenderConnections()).toBe(before)
  })

  it('refuses a pending introduction when the member was removed mid-application; nothing is shared', async () => {
    const before = await lenderConnections()
    const application = await joint.lender.askFirst(joint.lenderToAnna)
    const picking = await applicationIn(anna, application.id, 'pick-member')
    await apiOf(anna())['jointApplications.bringIn']({ id: picking.id, memberConnectionId: joint.annaToBen })
    const asked = await applicationIn(ben, application.id, 'asked')
    await apiOf(anna())['connections.setRole']({ id: joint.annaToBen, role: 'unassigned' })
    try {
      await apiOf(ben())['jointApplications.respond']({ id: asked.id, join: true })
      expect((await applicationIn(anna, application.id, 'refused')).refusal).toBe(NOT_A_MEMBER_ANY_MORE)
      expect((await applicationIn(ben, application.id, 'refused')).refusal).toBe(NOT_A_MEMBER_ANY_MORE)
      expect(await lenderConnections()).toBe(before)
    } finally {
      await apiOf(anna())['connections.setRole']({ id: joint.annaToBen, role: 'household-member' })
    }
  })

  it('ignores a replayed proposal: one request to join per application', async () => {
    const proposal = await proposeByHand()
    const applicationId = proposal.thread!.parentThreadId!
    expect(await benApplications(applicationId)).toHaveLength(1)
    // The same application proposed again under a new message id.
    await proposeByHand(applicationId)
    expect(await benApplications(applicationId)).toMatchObject([{ state: 'asked', role: 'second' }])
  })
})
