import type { CustosNode } from '../CustosNode'
import { createApi } from './createApi'
import type { LiveTopic } from '../kernel'
import { followAgent } from './liveEvents'

export type Publish = (topic: LiveTopic, data?: object) => void

/**
 * The API with live updates, for any transport: every unlock builds a new agent, so after each vault
 * call the events are followed on whichever agent is current, and the page is told the vault changed.
 */
export function createLiveDispatch(node: CustosNode, publish: Publish) {
  const { dispatch } = createApi(node)
  let unfollow: (() => void) | undefined
  const follow = () => {
    unfollow?.()
    unfollow = node.status().state === 'unlocked' ? followAgent(node.agent, (topic) => publish(topic)) : undefined
  }
  follow()
  const unlisten = node.onLockedByItself(() => {
    follow()
    publish('vault', { state: node.status().state })
  })
  const vaultChanged = () => {
    follow()
    publish('vault', { state: node.status().state })
  }
  return {
    async dispatch(method: unknown, input: unknown): Promise<unknown> {
      const value = await dispatch(method, input)
      if (typeof method === 'string' && method.startsWith('vault.') && method !== 'vault.status') vaultChanged()
      return value
    },
    /** The vault changed outside the contract (the desktop's launch with the key its keychain kept). */
    vaultChanged,
    close(): void {
      unlisten()
      unfollow?.()
      unfollow = undefined
    },
  }
}
