import { DidCommMediationRecipientApi, DidCommMediationState } from '@credo-ts/didcomm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createApi, type CustosNode } from '../../../electron/node'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

/** What a plain Credo agent does with any invitation link: connect, then ask for mediation. */
// Credo 0.6 takes the label per invitation: each node answers under its own name.
async function askForMediation(node: CustosNode, label: string, url: string, timeoutMs = 20_000) {
  const { connectionRecord } = await node.agent.didcomm.oob.receiveInvitationFromUrl(url, { label })
  const connection = await node.agent.didcomm.connections.returnWhenIsConnected(connectionRecord!.id, { timeoutMs })
  const recipient = node.agent.dependencyManager.resolve(DidCommMediationRecipientApi)
  return recipient.requestMediation(connection)
}

async function stateOf(node: CustosNode, id: string, want: DidCommMediationState, tries = 200) {
  const recipient = node.agent.dependencyManager.resolve(DidCommMediationRecipientApi)
  for (let i = 0; i < tries; i++) {
    const record = await recipient.findByConnectionId(
      (await recipient.getMediators()).find((m) => m.id === id)!.connectionId,
    )
    if (record?.state === want) return want
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return (await recipient.getMediators()).find((m) => m.id === id)?.state
}

// A household mediator must not become an open relay for whoever sees one of its links.
describe('mediation is granted only to whom the person allows', () => {
  const tmp = makeTmpDir()
  let household: CustosNode
  let stranger: CustosNode
  let device: CustosNode

  beforeAll(async () => {
    household = await startNode(`${tmp.dir}/household`, { label: 'household', mediator: true })
    stranger = await startNode(`${tmp.dir}/stranger`, { label: 'stranger' })
    device = await startNode(`${tmp.dir}/device`, { label: 'laptop' })
  })
  afterAll(async () => {
    await Promise.all([household, stranger, device].map((node) => node?.close()))
    tmp.cleanup()
  })

  it('leaves a request through an ordinary invitation waiting, and the person grants or denies it', async () => {
    const open = await apiOf(household)['connections.createInvitation']({ multiUse: true })
    const request = await askForMediation(stranger, 'stranger', open.url)
    const api = createApi(household).api
    let waiting = await api['mediation.listRequests']()
    for (let i = 0; i < 100 && waiting.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      waiting = await api['mediation.listRequests']()
    }
    expect(waiting).toMatchObject([{ label: 'stranger' }])
    // Given a second to be (wrongly) granted, it is still only requested.
    expect(await stateOf(stranger, request.id, DidCommMediationState.Granted, 20)).toBe(DidCommMediationState.Requested)
    expect(await api['mediation.listRecipients']()).toEqual([])

    await api['mediation.deny']({ id: waiting[0].id })
    expect(await api['mediation.listRequests']()).toEqual([])
    expect(await stateOf(stranger, request.id, DidCommMediationState.Denied)).toBe(DidCommMediationState.Denied)
    await expect(api['mediation.grant']({ id: waiting[0].id })).rejects.toMatchObject({ code: 'NotFound' })
  })

  it('grants at once to the device that uses a one-time device invitation, and to nobody after it', async () => {
    const api = createApi(household).api
    const invitation = await api['mediation.createDeviceInvitation']()
    const request = await askForMediation(device, 'laptop', invitation.url)
    expect(await stateOf(device, request.id, DidCommMediationState.Granted)).toBe(DidCommMediationState.Granted)
    expect(await api['mediation.listRecipients']()).toMatchObject([{ label: 'laptop' }])
    await expect(askForMediation(stranger, 'stranger', invitation.url, 3_000)).rejects.toThrow()
  })
})
