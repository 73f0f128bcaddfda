import { DidCommDidExchangeState, parseInvitationUrl } from '@credo-ts/didcomm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { startCredoAgent, stopCredoAgent, type CredoAgent } from '../../helpers/credoAgent'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import { acceptSingleServiceInvitation, CompleteFromResponseThreadModule } from './acaPyLike'

// Issue 10, 2: with us as inviter, an agent that builds its `complete` from our response's ~thread needs
// the parent thread id there. A real Credo agent doing that stands in for it.
describe('interop: DID exchange completes with an agent that takes pthid from our response', () => {
  const tmp = makeTmpDir('custos-interop-')
  let node: CustosNode
  let other: CredoAgent
  const standIn = new CompleteFromResponseThreadModule()
  const seen = standIn.responseParents

  beforeAll(async () => {
    node = await startNode(`${tmp.dir}/node`, { label: 'custos' })
    other = await startCredoAgent({
      dir: `${tmp.dir}/other`,
      label: 'thread-copying agent',
      inbound: ['http'],
      modules: { completeFromResponse: standIn },
    })
  })
  afterAll(async () => {
    await stopCredoAgent(other)
    await node?.close()
    tmp.cleanup()
  })

  const stateOf = async (inviter: CredoAgent | CustosNode['agent'], outOfBandId: string) =>
    (await inviter.didcomm.connections.findAllByOutOfBandId(outOfBandId))[0]?.state

  it('the stand-in never completes with a plain Credo 0.6.3 inviter, whose response has no pthid', async () => {
    const plain = await startCredoAgent({ dir: `${tmp.dir}/plain`, label: 'plain credo', inbound: ['http'] })
    try {
      const record = await plain.didcomm.oob.createInvitation({ label: 'plain credo' })
      const url = record.outOfBandInvitation.toUrl({ domain: 'https://example.org' })
      await acceptSingleServiceInvitation(other, url)
      await expect.poll(() => seen.length, { timeout: 20_000 }).toBe(1)
      expect(seen[0]).toBeUndefined()
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      expect(await stateOf(plain, record.id)).toBe(DidCommDidExchangeState.ResponseSent)
    } finally {
      await stopCredoAgent(plain)
    }
  })

  it.each([
    ['a one-time invitation', false],
    ['a multi-use invitation', true],
  ])('completes on both sides through %s, our response naming the invitation as parent', async (_, multiUse) => {
    const invitation = await apiOf(node)['connections.createInvitation']({ multiUse })
    const invitationId = parseInvitationUrl(invitation.url).id
    const before = seen.length
    const accepted = await acceptSingleServiceInvitation(other, invitation.url)
    await other.didcomm.connections.returnWhenIsConnected(accepted.id, { timeoutMs: 20_000 })
    expect(seen.slice(before)).toEqual([invitationId])
    await expect
      .poll(() => stateOf(node.agent, invitation.id), { timeout: 20_000 })
      .toBe(DidCommDidExchangeState.Completed)
    expect((await other.didcomm.connections.getById(accepted.id)).state).toBe(DidCommDidExchangeState.Completed)
  })
})
