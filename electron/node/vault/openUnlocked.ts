import { AppDatabaseToken, openAppDatabase, type OpenedAppDatabase } from '../db'
import { restrictTree, type DataDirLayout } from '../platform'
import { loadOrCreateAppDbKey } from './appDbKey'
import { waitForStoreReleased } from './storeFile'
import { postgresStoreOpenError, storeOpenError } from './storeOpenError'
import type { StoreAgent, Unlocked, VaultOptions } from './VaultOptions'
import { walletConfigForKey, type StoreKey } from './walletConfig'

/**
 * A new agent on the store opened with `key`, and the app database beside it. `create` provisions a new
 * store (the caller checked there is none); otherwise the store must exist: Credo 0.6 would provision one
 * itself when it finds none, so it is opened here before the agent initializes. On failure nothing is
 * left open.
 */
export async function openUnlocked<A extends StoreAgent>(
  layout: DataDirLayout,
  options: VaultOptions<A>,
  key: StoreKey,
  create: boolean,
): Promise<Unlocked<A>> {
  const agent = options.newAgent(walletConfigForKey(layout, key, options.postgres))
  try {
    if (create) await agent.modules.askar.provisionStore()
    else await agent.modules.askar.openStore()
  } catch (error) {
    if (options.postgres) throw postgresStoreOpenError(options.postgres, error)
    await waitForStoreReleased(layout.storeFile)
    throw storeOpenError(layout.storeFile, error)
  }
  let appDb: OpenedAppDatabase | undefined
  try {
    // The app database opens before the agent initializes, so no inbound handler can run without it.
    appDb = openAppDatabase(layout.appDbFile, await loadOrCreateAppDbKey(agent))
    agent.dependencyManager.registerInstance(AppDatabaseToken, appDb.db)
    options.prepareAgent?.(agent)
    await agent.initialize()
    // Askar and SQLite made their files under the process umask; make sure of them all the same.
    restrictTree(layout.root)
    return { agent, appDb }
  } catch (error) {
    appDb?.close()
    await agent.shutdown().catch(() => undefined)
    if (agent.modules.askar.isStoreOpen) await agent.modules.askar.closeStore().catch(() => undefined)
    throw error
  }
}

/** Each step runs even if one before it failed: nothing may keep the store or the database open. */
export async function closeUnlocked(layout: DataDirLayout, unlocked: Unlocked): Promise<void> {
  try {
    await unlocked.agent.shutdown()
  } finally {
    try {
      if (unlocked.agent.modules.askar.isStoreOpen) await unlocked.agent.modules.askar.closeStore()
    } finally {
      unlocked.appDb.close()
      await waitForStoreReleased(layout.storeFile)
    }
  }
}
