import { Menu, Notification, Tray, nativeImage, type BrowserWindow } from 'electron'

import type { ProofRequestSummary } from '../../shared/api'
import type { NodeHostClient } from './nodeHostClient'
import { watchPolicyAnswers } from './policyAnswered'
import { onShellLanguage, say } from './shellWords'

/**
 * What asks for the person's attention while the window is in the background: a tray icon with the
 * number of requests waiting, a notification when a new one arrives, and one when a standing policy
 * answered a request. All are asked of the node whenever it says its requests, decisions or vault
 * changed; nothing about the requests is kept here. Every text is in the person's language (shellWords).
 */
export function watchAttention(host: NodeHostClient, window: BrowserWindow, iconFile: string): () => void {
  const tray = new Tray(nativeImage.createFromPath(iconFile))
  const show = () => {
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  }
  const buildMenu = () =>
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: say('open'), click: show },
        { label: say('lock'), click: () => void host.call('vault.lock', undefined) },
      ]),
    )
  buildMenu()
  tray.on('click', show)
  let seen = new Set<string>()
  let waitingCount = 0
  const setTooltip = () => tray.setToolTip(waitingCount ? say('waitingTooltip', { count: waitingCount }) : 'Custos')

  async function recount(): Promise<void> {
    const reply = await host.call('requests.list', undefined)
    // Locked (or the node restarting): nothing can be counted, and nothing is shown as waiting.
    const waiting = reply.ok ? (reply.value as ProofRequestSummary[]).filter((r) => r.state === 'request-received') : []
    waitingCount = waiting.length
    setTooltip()
    tray.setTitle(waiting.length ? String(waiting.length) : '')
    const fresh = waiting.filter((request) => !seen.has(request.id))
    seen = new Set(waiting.map((request) => request.id))
    if (fresh.length && Notification.isSupported()) {
      const first = fresh[0]
      const notice = new Notification({
        title: say('requestTitle', { count: fresh.length }),
        // Who asks and why, never which data: a notification can be read over a shoulder.
        body: say('requestBody', {
          who: first.requester ?? say('someone'),
          hasPurpose: first.purpose ? 'yes' : 'no',
          purpose: first.purpose ?? '',
        }),
      })
      notice.on('click', show)
      notice.show()
    }
  }

  const policyAnswers = watchPolicyAnswers(host, show)
  const onLive = (topic: string) => {
    if (topic === 'requests' || topic === 'vault') void recount()
    policyAnswers(topic)
  }
  host.on('live', onLive)
  const stopLanguage = onShellLanguage(() => {
    buildMenu()
    setTooltip()
  })
  void recount()
  return () => {
    host.off('live', onLive)
    stopLanguage()
    tray.destroy()
  }
}
