import { Menu, Notification, Tray, nativeImage, type BrowserWindow } from 'electron'

import type { ProofRequestSummary } from '../../shared/api'
import type { NodeHostClient } from './nodeHostClient'
import { watchPolicyAnswers } from './policyAnswered'

/**
 * What asks for the person's attention while the window is in the background: a tray icon with the
 * number of requests waiting, a notification when a new one arrives, and one when a standing policy
 * answered a request. All are asked of the node whenever it says its requests, decisions or vault
 * changed; nothing about the requests is kept here.
 */
export function watchAttention(host: NodeHostClient, window: BrowserWindow, iconFile: string): () => void {
  const tray = new Tray(nativeImage.createFromPath(iconFile))
  const show = () => {
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  }
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open Custos', click: show },
      { label: 'Lock now', click: () => void host.call('vault.lock', undefined) },
    ]),
  )
  tray.on('click', show)
  let seen = new Set<string>()

  async function recount(): Promise<void> {
    const reply = await host.call('requests.list', undefined)
    // Locked (or the node restarting): nothing can be counted, and nothing is shown as waiting.
    const waiting = reply.ok ? (reply.value as ProofRequestSummary[]).filter((r) => r.state === 'request-received') : []
    tray.setToolTip(waiting.length ? `Custos: ${waiting.length} waiting for you` : 'Custos')
    tray.setTitle(waiting.length ? String(waiting.length) : '')
    const fresh = waiting.filter((request) => !seen.has(request.id))
    seen = new Set(waiting.map((request) => request.id))
    if (fresh.length && Notification.isSupported()) {
      const first = fresh[0]
      const notice = new Notification({
        title: fresh.length === 1 ? 'A request waits for you' : `${fresh.length} requests wait for you`,
        // Who asks and why, never which data: a notification can be read over a shoulder.
        body: `${first.requester ?? 'A connection'} asks for data${first.purpose ? ` for “${first.purpose}”` : ''}.`,
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
  void recount()
  return () => {
    host.off('live', onLive)
    tray.destroy()
  }
}
