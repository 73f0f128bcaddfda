import type { IpcReply } from '../../../shared/ipc'
import type { Keychain } from './keychain'

/**
 * At launch: the store opens with the key the keychain kept, without the passphrase and without Argon2.
 * Read before the node host starts (so the host is told whether a key is held) and handed over after it
 * is ready. A key the store no longer takes (remembering was turned off elsewhere) is dropped; any other
 * failure leaves it for the next launch, and the window shows the unlock screen either way.
 */
// The node host as far as this needs it (not its client class, which itself keeps keys through deviceKey/).
interface OpensWithDeviceKey {
  openWithDeviceKey(key: string): Promise<IpcReply>
}

export async function openRemembered(
  host: OpensWithDeviceKey,
  keychain: Keychain,
  key: string | undefined,
): Promise<void> {
  if (key === undefined) return
  const reply = await host.openWithDeviceKey(key)
  if (!reply.ok && reply.error.code === 'WrongPassphrase') keychain.forget()
  if (!reply.ok) console.error(`custos: the remembered key did not open the store: ${reply.error.message}`)
}
