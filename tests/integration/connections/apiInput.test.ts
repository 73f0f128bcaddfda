import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createApi, type CustosNode } from '../../../electron/node'
import { makeTmpDir } from '../../helpers/tmpDir'
import { apiOf, connect, startNode } from '../../helpers/nodes'

// Every case is refused by the contract's schema or by the invitation decoder before anything is stored.
describe('connections API: invalid input is refused with InvalidInput and changes nothing', () => {
  const tmp = makeTmpDir()
  let alice: CustosNode
  let bank: CustosNode
  let connectionId: string

  beforeAll(async () => {
    alice = await startNode(`${tmp.dir}/alice`, { label: 'alice' })
    bank = await startNode(`${tmp.dir}/bank`, { label: 'bank' })
    connectionId = (await connect(alice, bank)).inviteeConnection.id
    await apiOf(bank)['connections.setRole']({ id: connectionId, role: 'data-source' })
  })
  afterAll(async () => {
    await alice?.close()
    await bank?.close()
    tmp.cleanup()
  })

  async function snapshot(node: CustosNode) {
    const agent = node.agent
    return {
      connections: (await agent.didcomm.connections.getAll()).map((record) => record.toJSON()),
      oob: (await agent.didcomm.oob.getAll()).map((record) => record.toJSON()),
      dids: (await agent.dids.getCreatedDids()).map((record) => record.did),
    }
  }

  const validInvitation = () => apiOf(alice)['connections.createInvitation'](undefined)
  const cases: Array<[string, string, () => Promise<unknown>]> = [
    ['a non-URL', 'not an invitation link', () => call('connections.acceptInvitation', { url: 'hello there' })],
    ['an empty URL', 'Paste an invitation link', () => call('connections.acceptInvitation', { url: '   ' })],
    ['a URL without oob', 'oob= or c_i=', () => call('connections.acceptInvitation', { url: 'https://bank.example/' })],
    [
      'a javascript: URL',
      'not an invitation link',
      () => call('connections.acceptInvitation', { url: 'javascript:alert(1)?oob=x' }),
    ],
    [
      'oob that is not base64 JSON',
      'cannot be read',
      () => call('connections.acceptInvitation', { url: 'custos://invite?oob=%%%' }),
    ],
    [
      'oob JSON that is no invitation',
      'cannot be read',
      () =>
        call('connections.acceptInvitation', {
          url: `custos://invite?oob=${Buffer.from('{"a":1}').toString('base64url')}`,
        }),
    ],
    [
      'two oob parameters',
      'not an invitation link',
      async () => {
        const { url } = await validInvitation()
        return call('connections.acceptInvitation', { url: `${url}&oob=${url.split('oob=')[1]}` })
      },
    ],
    ['a number as url', 'url', () => call('connections.acceptInvitation', { url: 42 })],
    ['extra fields', 'Unrecognized key', () => call('connections.acceptInvitation', { url: 'x', admin: true })],
    ['no input', 'expected object', () => call('connections.acceptInvitation', undefined)],
    ['an unknown role', 'A role is one of', () => call('connections.setRole', { id: connectionId, role: 'boss' })],
    [
      'a role with the wrong case',
      'A role is one of',
      () => call('connections.setRole', { id: connectionId, role: 'Mediator' }),
    ],
    ['an empty id', 'id', () => call('connections.setRole', { id: '', role: 'requester' })],
    ['remove without id', 'id', () => call('connections.remove', {})],
    ['invitation options of a wrong type', 'multiUse', () => call('connections.createInvitation', { multiUse: 'yes' })],
  ]
  // Through `dispatch`, as IPC and the loopback bridge call it, so wrongly typed input gets through to the schema.
  function call(method: string, input: unknown) {
    return createApi(bank).dispatch(method, input)
  }

  it.each(cases)('refuses %s', async (_, message, run) => {
    const before = await snapshot(bank)
    const error = await run().then(
      () => undefined,
      (thrown: unknown) => thrown,
    )
    expect(error).toMatchObject({ code: 'InvalidInput', message: expect.stringContaining(message) })
    expect(await snapshot(bank)).toEqual(before)
  })

  it('refuses an invitation the node made itself, and setRole on an unknown id is NotFound', async () => {
    const before = await snapshot(bank)
    const own = await apiOf(bank)['connections.createInvitation'](undefined)
    const afterCreate = await snapshot(bank)
    await expect(apiOf(bank)['connections.acceptInvitation']({ url: own.url })).rejects.toMatchObject({
      code: 'InvalidInput',
      message: expect.stringContaining('made itself'),
    })
    expect(await snapshot(bank)).toEqual(afterCreate)
    await expect(apiOf(bank)['connections.setRole']({ id: 'no-such-id', role: 'requester' })).rejects.toMatchObject({
      code: 'NotFound',
    })
    expect((await snapshot(bank)).connections).toEqual(before.connections)
    expect((await apiOf(bank)['connections.list'](undefined))[0].role).toBe('data-source')
  })
})
