import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { VaultStatus } from '../../shared/api'
import { apiClient } from './apiClient'
import { ErrorNote } from './components/Notice'
import { errorText } from './errorText'
import { subscribeLive } from './live'
import { Onboarding } from './screens/vault/Onboarding'
import { Unlock } from './screens/vault/Unlock'
import { Shell } from './shell/Shell'

/** The store's state decides what a person sees: create it, unlock it, or use it. */
export function App() {
  const { t } = useTranslation()
  const [status, setStatus] = useState<VaultStatus>()
  const [error, setError] = useState<string>()
  // Said on the unlock screen after the node process died and was started again (desktop app only).
  const [restartNote, setRestartNote] = useState<'restarted' | 'keepsStopping'>()
  // A custos:// link opened from elsewhere (desktop app): shown on the accept screen once unlocked.
  const [invitationLink, setInvitationLink] = useState<string>()
  // An offer or presentation request link opened from elsewhere (desktop app): opened on Requests.
  const [walletLink, setWalletLink] = useState<string>()

  const refresh = useCallback(() => {
    apiClient()
      ['vault.status'](undefined)
      .then(setStatus, (failure: unknown) => setError(errorText(failure)))
  }, [])
  useEffect(() => {
    refresh()
    const unsubscribeVault = subscribeLive(['vault'], refresh)
    const unsubscribeNode = subscribeLive(['node'], (data) => {
      const restarting = (data as { restarting?: unknown } | undefined)?.restarting !== false
      setRestartNote(restarting ? 'restarted' : 'keepsStopping')
      setTimeout(refresh, 1_000)
    })
    const unsubscribeLink = subscribeLive(['invitation'], (data) => {
      const url = (data as { url?: unknown } | undefined)?.url
      if (typeof url === 'string') setInvitationLink(url)
    })
    const unsubscribeWallet = subscribeLive(['walletLink'], (data) => {
      const url = (data as { url?: unknown } | undefined)?.url
      if (typeof url === 'string') setWalletLink(url)
    })
    return () => {
      unsubscribeVault()
      unsubscribeNode()
      unsubscribeLink()
      unsubscribeWallet()
    }
  }, [refresh])

  if (!status) {
    return (
      <main className="narrow">
        <h1>Custos</h1>
        {error ? <ErrorNote error={error} /> : <p role="status">{t('app.connecting')}</p>}
      </main>
    )
  }
  if (status.state === 'no-store') return <Onboarding onCreated={setStatus} />
  if (status.state === 'locked') {
    return (
      <>
        {restartNote && <ErrorNote error={t(`app.${restartNote}`)} />}
        <Unlock status={status} onUnlocked={setStatus} />
      </>
    )
  }
  return (
    <Shell
      status={status}
      onLocked={setStatus}
      invitationLink={invitationLink}
      onInvitationTaken={() => setInvitationLink(undefined)}
      walletLink={walletLink}
      onWalletLinkTaken={() => setWalletLink(undefined)}
    />
  )
}
