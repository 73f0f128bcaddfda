import { useTranslation } from 'react-i18next'

import type { VaultStatus } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { AutoLockPanel } from './AutoLockPanel'
import { BackupPanel } from './BackupPanel'
import { DeadLettersPanel } from './DeadLettersPanel'
import { InboundPanel } from './InboundPanel'
import { LanguageChoice } from './LanguageChoice'
import { MediatorPanel } from './MediatorPanel'
import { PassphrasePanel } from './PassphrasePanel'
import { RecipientList } from './RecipientList'
import { RememberPanel } from './RememberPanel'
import { TrustListsPanel } from './TrustListsPanel'

/**
 * Language, the store (locking, remembering), trust lists, backup and passphrase; what only a technical
 * reader needs (mediation, the inbound transport, the data folder and library versions) is under Advanced.
 */
export function Settings({ status, onLocked }: { status: VaultStatus; onLocked(status: VaultStatus): void }) {
  const { t } = useTranslation()
  const lock = useAction()

  async function lockNow() {
    const locked = await lock.run(() => apiClient()['vault.lock'](undefined))
    if (locked) onLocked(locked)
  }

  return (
    <>
      <section aria-labelledby="language-heading" className="card">
        <h2 id="language-heading">{t('settings.language')}</h2>
        <LanguageChoice />
      </section>
      <section aria-labelledby="store-heading" className="card">
        <h2 id="store-heading">{t('settings.store')}</h2>
        <p>{t('settings.lockMeans')}</p>
        <AutoLockPanel status={status} />
        <button type="button" onClick={() => void lockNow()} disabled={lock.busy}>
          {t('settings.lockNow')}
        </button>
        <Progress busy={lock.busy}>{t('settings.locking')}</Progress>
        <ErrorNote error={lock.error} />
        <RememberPanel status={status} />
      </section>
      <TrustListsPanel />
      <BackupPanel />
      <PassphrasePanel />
      <details className="card advanced">
        <summary>
          <h2>{t('screens.advanced')}</h2>
        </summary>
        <p>
          {t('settings.dataFolder')} <code>{status.dataDir}</code>
          <br />
          {t('settings.askar')} {status.askarVersion}
        </p>
        <MediatorPanel />
        <InboundPanel />
        <DeadLettersPanel />
        <RecipientList />
      </details>
    </>
  )
}
