// The node host, started by ./index.ts once the Askar binding is registered. Plain Node, never imports
// electron: the store's synchronous SQLite work and Argon2 run here, so they never stall main and its windows.
import { parseArgs } from 'node:util'

import { CustosError } from '../../shared/errors'
import { CustosNode, createLiveDispatch, markPackagedApp } from '../node'
import { hostChannel } from './hostChannel'
import { HostKeyKeeper } from './hostKeeper'
import { isToHost, type KeychainState, type ToHost } from './protocol'
import { replyOf } from './replyOf'

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'packaged-resources': { type: 'string' },
    keychain: { type: 'string' },
  },
})

let node: CustosNode
const send = hostChannel((message) => {
  if (isToHost(message)) void handle(message)
})
const keychain = values.keychain
// Without main's keychain (a host started by hand) the node offers no remembering, like the web mode.
const keeper =
  keychain === 'unavailable' || keychain === 'empty' || keychain === 'holds'
    ? new HostKeyKeeper(keychain satisfies KeychainState, send)
    : undefined

try {
  if (values['packaged-resources']) markPackagedApp(values['packaged-resources'])
  if (!values['data-dir']) throw new CustosError('Internal', 'The node host was started without a data directory.')
  node = CustosNode.open({ dataDir: values['data-dir'], deviceKeys: keeper })
} catch (error) {
  send({ kind: 'fatal', message: (error as Error).message })
  process.exit(1)
}
const live = createLiveDispatch(node, (topic, data) => send({ kind: 'live', topic, data }))
send({ kind: 'ready' })

async function handle(message: ToHost): Promise<void> {
  if (message.kind === 'close') {
    live.close()
    await node.close().catch((error: unknown) => console.error('custos: closing the node failed', error))
    send({ kind: 'closed' })
    process.exit(0)
  }
  if (message.kind === 'deviceKeyKept') return keeper?.settle(message.id, message.error)
  if (message.kind === 'openWithDeviceKey') {
    const reply = await replyOf('openWithDeviceKey', async () => {
      await node.unlockWithDeviceKey(message.key)
      live.vaultChanged()
    })
    // A key that no longer opens the store is dropped by main; until a new one, nothing is remembered.
    if (!reply.ok && reply.error.code === 'WrongPassphrase' && keeper) keeper.holdsKey = false
    return send({ kind: 'reply', id: message.id, reply })
  }
  const reply = await replyOf(message.method, () => live.dispatch(message.method, message.input))
  send({ kind: 'reply', id: message.id, reply })
}
