import type { VaultStatus } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { AutoLockPanel } from './AutoLockPanel'
import { BackupPanel } from './BackupPanel'
import { DeadLettersPanel } from './DeadLettersPanel'
import { InboundPanel } from './InboundPanel'
import { MediatorPanel } from './MediatorPanel'
import { PassphrasePanel } from './PassphrasePanel'
import { RecipientList } from './RecipientList'
import { RememberPanel } from './RememberPanel'
import { TrustListsPanel } from './TrustListsPanel'

/** Mediation both ways, the inbound transport, and the store: where it is, its backup and passphrase, and locking it now. */
export function Settings({ status, onLocked }: { status: VaultStatus; onLocked(status: VaultStatus): void }) {
  const lock = useAction()

  async function lockNow() {
    const locked = await lock.run(() => apiClient()['vault.lock'](undefined))
    if (locked) onLocked(locked)
  }

  return (
    <>
      <MediatorPanel />
      <InboundPanel />
      <DeadLettersPanel />
      <RecipientList />
      <section aria-labelledby="store-heading" className="card">
        <h2 id="store-heading">Store</h2>
        <p>
          Data folder: <code>{status.dataDir}</code>
          <br />
          Askar library version: {status.askarVersion}
        </p>
        <p>Locking closes the store; nothing can be read or shared until you unlock it with your passphrase.</p>
        <AutoLockPanel status={status} />
        <button type="button" onClick={lockNow} disabled={lock.busy}>
          Lock now
        </button>
        <Progress busy={lock.busy}>Locking…</Progress>
        <ErrorNote error={lock.error} />
        <RememberPanel status={status} />
      </section>
      <TrustListsPanel />
      <BackupPanel />
      <PassphrasePanel />
    </>
  )
}
