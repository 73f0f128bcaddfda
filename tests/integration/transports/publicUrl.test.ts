import { afterAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { resolveInboundOptions } from '../../../electron/node/transports'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

describe('what a node advertises', () => {
  const tmp = makeTmpDir()
  let node: CustosNode | undefined
  afterAll(async () => {
    await node?.close()
    tmp.cleanup()
  })

  it('refuses to listen on every interface without a public URL, rather than advertise 0.0.0.0', () => {
    expect(() => resolveInboundOptions({ host: '0.0.0.0' })).toThrowError(/needs a public URL/)
    expect(() => resolveInboundOptions({ publicUrl: 'ftp://home.example' })).toThrowError(/http/)
  })

  it('advertises its public URL and the WebSocket twin, in endpoints and invitations', async () => {
    node = await startNode(`${tmp.dir}/home`, { inbound: { publicUrl: 'https://home.example:8443/' } })
    expect(node.endpoints).toEqual(['https://home.example:8443', 'wss://home.example:8443'])
    const invitation = await apiOf(node)['connections.createInvitation'](undefined)
    expect(invitation.url.startsWith('https://home.example:8443')).toBe(true)
    expect(JSON.stringify(node.agent.didcomm.config.endpoints)).not.toContain('127.0.0.1')
  })
})
