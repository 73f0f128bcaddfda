import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { createApi, CustosNode } from '../../../electron/node'
import { freePort } from '../../helpers/freePort'
import { makeTmpDir } from '../../helpers/tmpDir'

const PASS = 'correct horse battery staple'

describe('mediation API: input checks and typed errors', () => {
  let tmp: ReturnType<typeof makeTmpDir>
  const nodes: CustosNode[] = []

  async function openNode(name: string, options: { mediator?: boolean; port?: number } = {}) {
    const node = CustosNode.open({
      dataDir: `${tmp.dir}/${name}`,
      label: name,
      kdf: 'argon2i-int',
      mediator: options.mediator,
      inbound: options.port === undefined ? undefined : { port: options.port },
    })
    nodes.push(node)
    await node.createStore(PASS)
    return node
  }

  beforeEach(() => {
    tmp = makeTmpDir()
  })
  afterEach(async () => {
    await Promise.all(nodes.splice(0).map((node) => node.close()))
    tmp.cleanup()
  })

  it('reports the role of each node and refuses malformed input with InvalidInput', async () => {
    const desktop = createApi(await openNode('desktop')).api
    const household = createApi(await openNode('household', { mediator: true })).api
    expect(await desktop['mediation.status']()).toEqual({ servesAsMediator: false, mediator: null })
    expect(await household['mediation.status']()).toEqual({ servesAsMediator: true, mediator: null })
    expect(await household['mediation.listRecipients']()).toEqual([])

    const bad: unknown[] = [
      undefined,
      {},
      { invitationUrl: 42 },
      { invitationUrl: 'not a url' },
      { invitationUrl: 'https://mediator.example/' },
      { invitationUrl: 'https://mediator.example/?oob=not-base64-json' },
      { invitationUrl: 'https://mediator.example/?oob=e30', extra: true },
    ]
    for (const input of bad) {
      await expect(desktop['mediation.useMediator'](input as never), JSON.stringify(input)).rejects.toMatchObject({
        code: 'InvalidInput',
      })
    }
    await expect(household['mediation.removeRecipient']({ id: 'x'.repeat(201) })).rejects.toMatchObject({
      code: 'InvalidInput',
    })
    await expect(household['mediation.removeRecipient']({ id: 'unknown' })).rejects.toMatchObject({
      code: 'NotFound',
    })
  })

  it('gives PeerUnreachable while the mediator is away, keeps no mediator, and works once it is back', async () => {
    const port = await freePort()
    const gone = await openNode('gone', { mediator: true, port })
    const { url } = await createApi(gone).api['mediation.createDeviceInvitation']()
    await gone.close()
    nodes.splice(nodes.indexOf(gone), 1)

    const desktop = createApi(await openNode('desktop')).api
    await expect(desktop['mediation.useMediator']({ invitationUrl: url })).rejects.toMatchObject({
      code: 'PeerUnreachable',
    })
    expect((await desktop['mediation.status']()).mediator).toBeNull()

    // Once the mediator is back, the same link works: the unanswered attempt does not block it.
    const back = CustosNode.open({ dataDir: `${tmp.dir}/gone`, kdf: 'argon2i-int', mediator: true, inbound: { port } })
    nodes.push(back)
    await back.unlock(PASS)
    const status = await desktop['mediation.useMediator']({ invitationUrl: url })
    expect(status.mediator).toMatchObject({ state: 'granted', label: 'gone' })
    expect(await createApi(back).api['mediation.listRecipients']()).toHaveLength(1)
  })
})
