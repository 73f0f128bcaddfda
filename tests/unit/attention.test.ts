import { EventEmitter } from 'node:events'

import { describe, expect, it, vi } from 'vitest'

import { LANGUAGE_CHANNEL, type IpcReply } from '../../shared/ipc'

// Electron's binary cannot be installed on these machines, so `electron` is mocked here: a Tray and a
// Notification that record what main asked of them.
const trays: Array<{ tooltip: string; title: string; menu: unknown; destroyed: boolean }> = []
const notifications: Array<{ title: string; body: string }> = []
vi.mock('electron', () => ({
  Tray: class extends EventEmitter {
    tooltip = ''
    title = ''
    menu: unknown
    destroyed = false
    constructor() {
      super()
      trays.push(this)
    }
    setToolTip(text: string) {
      this.tooltip = text
    }
    setTitle(text: string) {
      this.title = text
    }
    setContextMenu(menu: unknown) {
      this.menu = menu
    }
    destroy() {
      this.destroyed = true
    }
  },
  Notification: class extends EventEmitter {
    static isSupported = () => true
    constructor(private readonly options: { title: string; body: string }) {
      super()
    }
    show() {
      notifications.push(this.options)
    }
  },
  Menu: { buildFromTemplate: (items: Array<{ label: string }>) => items.map((item) => item.label) },
  nativeImage: { createFromPath: (file: string) => ({ file }) },
  ipcMain: {
    on: (channel: string, listener: LanguageListener) => languageListeners.set(channel, listener),
    removeListener: (channel: string) => languageListeners.delete(channel),
  },
}))
type LanguageListener = (event: unknown, language: unknown) => void
const languageListeners = new Map<string, LanguageListener>()

const { watchAttention } = await import('../../electron/main/attention')
const { invitationLinkIn } = await import('../../electron/main/deepLinks')
const { registerLanguageChannel } = await import('../../electron/main/languageChannel')
const { trustedUrlCheck } = await import('../../electron/main/trustedUrl')
const { languageOf, setShellLanguage, shellLanguage } = await import('../../electron/main/shellWords')

const locked: IpcReply = { ok: false, error: { code: 'NodeLocked', message: 'locked' } }

/** Answers requests.list with `reply` and consent.decisions with `decisions`, as the node host would. */
class FakeHost extends EventEmitter {
  reply: IpcReply = locked
  decisions: IpcReply = locked
  call = vi.fn(async (method: string) => (method === 'consent.decisions' ? this.decisions : this.reply))
  callsOf = (method: string) => this.call.mock.calls.filter(([called]) => called === method).length
}
const request = (id: string, state = 'request-received') => ({
  id,
  state,
  requester: 'Lender',
  purpose: 'mortgage',
  asked: [],
})
const settle = () => new Promise((resolve) => setTimeout(resolve, 10))

describe('the tray and notifications', () => {
  it('counts waiting requests, notifies once per new request without naming data, and clears when locked', async () => {
    const host = new FakeHost()
    const window = { isMinimized: () => false, restore: vi.fn(), show: vi.fn(), focus: vi.fn() }
    const stop = watchAttention(host as never, window as never, '/icons/tray.png')
    await settle()
    expect(trays[0]).toMatchObject({ tooltip: 'Custos', title: '', menu: ['Open Custos', 'Lock now'] })
    expect(notifications).toEqual([])

    host.reply = { ok: true, value: [request('a'), request('done', 'done')] }
    host.emit('live', 'requests')
    await settle()
    expect(trays[0]).toMatchObject({ tooltip: 'Custos: 1 waiting for you', title: '1' })
    expect(notifications).toEqual([{ title: 'A request waits for you', body: 'Lender asks for data for “mortgage”.' }])

    // The same request again (another change): no second notification. Two new ones: one notification.
    host.reply = { ok: true, value: [request('a'), request('b'), request('c')] }
    host.emit('live', 'requests')
    host.emit('live', 'selfDeclared')
    await settle()
    expect(trays[0].title).toBe('3')
    expect(notifications.map((n) => n.title)).toEqual(['A request waits for you', '2 requests wait for you'])

    host.reply = { ok: false, error: { code: 'NodeLocked', message: 'locked' } }
    host.emit('live', 'vault')
    await settle()
    expect(trays[0]).toMatchObject({ tooltip: 'Custos', title: '' })
    expect(host.callsOf('requests.list')).toBe(4)
    stop()
    expect(trays[0].destroyed).toBe(true)
  })

  it('notifies once per request a standing policy answered, saying who, why and which policy, never the data', async () => {
    notifications.length = 0
    const host = new FakeHost()
    const window = { isMinimized: () => false, restore: vi.fn(), show: vi.fn(), focus: vi.fn() }
    const decision = (requestId: string, outcome: 'shared' | 'refused') => ({
      requestId,
      outcome,
      decidedAt: '2026-11-30T12:00:00Z',
      policyId: 'p1',
      policyVersion: 1,
      policyName: 'Share with Lender: mortgage application',
      requester: 'Lender',
      purpose: 'mortgage application',
    })
    // What policies answered before the shell started is known already: no notification for it.
    host.decisions = { ok: true, value: [decision('old', 'shared')] }
    const stop = watchAttention(host as never, window as never, '/icons/tray.png')
    await settle()
    expect(notifications).toEqual([])

    host.decisions = { ok: true, value: [decision('new', 'shared'), decision('old', 'shared')] }
    host.emit('live', 'decisions')
    await settle()
    expect(notifications).toEqual([
      {
        title: 'A policy shared your data',
        body: 'Lender asked for “mortgage application”; your policy “Share with Lender: mortgage application” shared without asking you.',
      },
    ])
    host.emit('live', 'decisions')
    await settle()
    expect(notifications).toHaveLength(1)

    // After a lock and unlock, what was decided meanwhile is taken as known; a refusal after that is told.
    host.decisions = locked
    host.emit('live', 'vault')
    await settle()
    host.decisions = { ok: true, value: [decision('while-locked', 'shared'), decision('new', 'shared')] }
    host.emit('live', 'vault')
    await settle()
    host.decisions = { ok: true, value: [decision('refused', 'refused'), decision('while-locked', 'shared')] }
    host.emit('live', 'decisions')
    await settle()
    expect(notifications.map((n) => n.title)).toEqual(['A policy shared your data', 'A policy refused a request'])
    expect(notifications[1].body).toBe(
      'Lender asked for “mortgage application”; your policy “Share with Lender: mortgage application” refused it.',
    )
    expect(host.call).toHaveBeenCalledWith('consent.decisions', { limit: 20 })
    stop()
  })

  it('speaks the language the window tells it: German tray and notifications, from our own page only', async () => {
    notifications.length = 0
    const stopChannel = registerLanguageChannel(trustedUrlCheck())
    const tell = languageListeners.get(LANGUAGE_CHANNEL)!
    const from = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } })
    const host = new FakeHost()
    const window = { isMinimized: () => false, restore: vi.fn(), show: vi.fn(), focus: vi.fn() }
    const stop = watchAttention(host as never, window as never, '/icons/tray.png')
    const tray = trays.at(-1)!
    tell(from('https://evil.test/'), 'de')
    tell(from('app://custos/index.html', {}), 'de')
    tell(from('app://custos/index.html'), 'fr')
    expect(shellLanguage()).toBe('en')

    tell(from('app://custos/index.html'), 'de')
    expect(shellLanguage()).toBe('de')
    expect(tray.menu).toEqual(['Custos öffnen', 'Jetzt sperren'])
    host.reply = { ok: true, value: [request('x'), request('y')] }
    host.emit('live', 'requests')
    await settle()
    expect(tray.tooltip).toBe('Custos: 2 warten auf Sie')
    expect(notifications).toEqual([
      { title: '2 Anfragen warten auf Sie', body: 'Lender bittet um Daten für „mortgage“.' },
    ])
    host.decisions = { ok: true, value: [] }
    host.emit('live', 'vault')
    await settle()
    host.decisions = {
      ok: true,
      value: [
        { requestId: 'r', outcome: 'refused', decidedAt: '2026-11-30T12:00:00Z', policyId: 'p', policyVersion: 1 },
      ],
    }
    host.emit('live', 'decisions')
    await settle()
    expect(notifications[1]).toEqual({
      title: 'Eine Einwilligung hat eine Anfrage abgelehnt',
      body: 'Eine Verbindung hat angefragt; eine Ihrer dauerhaften Einwilligungen hat abgelehnt.',
    })
    stop()
    stopChannel()
    setShellLanguage('en')
    expect(languageListeners.has(LANGUAGE_CHANNEL)).toBe(false)
  })

  it('starts in the first system language it has, else English', () => {
    expect(languageOf(['fr-FR', 'nl-BE', 'de'])).toBe('nl')
    expect(languageOf(['fr-FR'])).toBe('en')
  })

  it('finds a custos:// invitation among launch arguments, and nothing else', () => {
    expect(invitationLinkIn(['/usr/bin/custos', '--flag', 'custos://invite?oob=abc'])).toBe('custos://invite?oob=abc')
    expect(invitationLinkIn(['/usr/bin/custos', 'https://example.org/?oob=abc', 'custos://other'])).toBeUndefined()
  })
})
