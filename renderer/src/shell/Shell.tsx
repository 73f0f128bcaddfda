import { useEffect, useRef, useState } from 'react'

import type { VaultStatus } from '../../../shared/api'
import { Connections } from '../screens/connections/Connections'
import { Home } from '../screens/Home'
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
}

/** The unlocked app: a navigation bar and one screen at a time. */
export function Shell({ status, onLocked, invitationLink, onInvitationTaken }: ShellProps) {
  const [screen, setScreen] = useState<ScreenId>('home')
  useEffect(() => {
    if (invitationLink) setScreen('connections')
  }, [invitationLink])
  const heading = useRef<HTMLHeadingElement>(null)
  const first = useRef(true)

  // Moving focus to the new screen's heading tells keyboard and screen-reader users where they are.
  useEffect(() => {
    if (first.current) first.current = false
    else heading.current?.focus()
  }, [screen])

  const title = screens.find((s) => s.id === screen)?.title ?? ''
  return (
    <>
      <header className="bar">
        <span className="brand">Custos</span>
        <nav aria-label="Main">
          <ul>
            {screens.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="nav-link"
                  aria-current={s.id === screen ? 'page' : undefined}
                  onClick={() => setScreen(s.id)}
                >
                  {s.title}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {screen === 'home' && <Home status={status} onOpen={setScreen} />}
        {screen === 'connections' && (
          <Connections invitationLink={invitationLink} onInvitationTaken={onInvitationTaken} />
        )}
        {screen === 'data' && <MyData />}
        {screen === 'requests' && <Requests />}
        {screen === 'policies' && <Policies />}
        {screen === 'history' && <History />}
        {screen === 'settings' && <Settings status={status} onLocked={onLocked} />}
      </main>
    </>
  )
}
