import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SelfDeclaredItemChangedEvent } from '../../../electron/node/selfDeclared'
import { SelfDeclaredEventTypes } from '../../../electron/node/selfDeclared'
import type { CustosNode } from '../../../electron/node'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

describe('self-declared data through the API', () => {
  const tmp = makeTmpDir()
  let node: CustosNode

  beforeAll(async () => {
    node = await startNode(tmp.dir)
  })
  afterAll(async () => {
    await node.close()
    tmp.cleanup()
  })

  it('gets one item by id, and answers NotFound for an id it does not hold', async () => {
    const api = apiOf(node)
    const item = await api['selfDeclared.put']({ label: 'Favourite colour', value: 'green' })
    expect(await api['selfDeclared.get']({ id: item.id })).toEqual(item)
    await expect(api['selfDeclared.get']({ id: 'no-such-item' })).rejects.toMatchObject({ code: 'NotFound' })
    await expect(api['selfDeclared.get']({ id: '' } as { id: string })).rejects.toMatchObject({ code: 'InvalidInput' })
  })

  it('emits a change event after each save and removal, carrying what was stored', async () => {
    const events: SelfDeclaredItemChangedEvent['payload'][] = []
    node.agent.events.on<SelfDeclaredItemChangedEvent>(SelfDeclaredEventTypes.SelfDeclaredItemChanged, (event) => {
      events.push(event.payload)
    })
    const api = apiOf(node)
    const item = await api['selfDeclared.put']({ label: 'Nickname', value: 'Sam' })
    const updated = await api['selfDeclared.put']({ id: item.id, label: 'Nickname', value: 'Sammy' })
    await api['selfDeclared.remove']({ id: item.id })
    expect(events).toEqual([
      { id: item.id, item },
      { id: item.id, item: updated },
      { id: item.id, item: null },
    ])
  })
})
