import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { VaultStatus } from '../../../shared/api'
import { Agreements } from '../screens/agreements/Agreements'
import { Connections } from '../screens/connections/Connections'
import { Home } from '../screens/Home'
import { Household } from '../screens/household/Household'
import { MyData } from '../screens/myData/MyData'
import { History } from '../screens/history/History'
import { Policies } from '../screens/policies/Policies'
import { Requests } from '../screens/requests/Requests'
import { Settings } from '../screens/settings/Settings'
import { screens, type ScreenId } from './screens'

interface ShellProps {
  status: VaultStatus
  onLocked(status: VaultStatus): void
  /** An invitation link opened from outside the app, for the accept screen. */
  invitationLink?: string
  onInvitationTaken(): void
  /** An offer or presentation request link opened from outside the app, for the requests screen. */
  walletLink?: string
  onWalletLinkTaken(): void
}

/**
 * The unlocked app: a navigation bar and one screen at a time. On a narrow window the navigation folds
 * into a menu button, so the bar never runs off the screen.
 */
export function Shell({
  status,
  onLocked,
  invitationLink,
  onInvitationTaken,
  walletLink,
  onWalletLinkTaken,
}: ShellProps) {
  const { t } = useTranslation()
  const [screen, setScreen] = useState<ScreenId>('home')
  const [menuOpen, setMenuOpen] = useState(false)
  useEffect(() => {
    if (invitationLink) setScreen('connections')
  }, [invitationLink])
  useEffect(() => {
    if (walletLink) setScreen('requests')
  }, [walletLink])
  const heading = useRef<HTMLHeadingElement>(null)
  const first = useRef(true)

  // Moving focus to the new screen's heading tells keyboard and screen-reader users where they are.
  useEffect(() => {
    if (first.current) first.current = false
    else heading.current?.focus()
  }, [screen])

  function open(id: ScreenId) {
    setScreen(id)
    setMenuOpen(false)
  }

  return (
    <>
      <header className="bar">
        <span className="brand">Custos</span>
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((now) => !now)}
        >
          {t('shell.menu')}
        </button>
        <nav aria-label={t('shell.navigation')} id="main-nav" className={menuOpen ? 'open' : undefined}>
          <ul>
            {screens.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="nav-link"
                  aria-current={s.id === screen ? 'page' : undefined}
                  onClick={() => open(s.id)}
                >
                  {t(`screens.${s.id}`)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        <h1 ref={heading} tabIndex={-1}>
          {t(`screens.${screen}`)}
        </h1>
        {screen === 'home' && <Home status={status} onOpen={open} />}
        {screen === 'connections' && (
          <Connections invitationLink={invitationLink} onInvitationTaken={onInvitationTaken} />
        )}
        {screen === 'data' && <MyData />}
        {screen === 'requests' && <Requests link={walletLink} onLinkTaken={onWalletLinkTaken} />}
        {screen === 'policies' && <Policies />}
        {screen === 'agreements' && <Agreements />}
        {screen === 'household' && <Household />}
        {screen === 'history' && <History />}
        {screen === 'settings' && <Settings status={status} onLocked={onLocked} />}
      </main>
    </>
  )
}
