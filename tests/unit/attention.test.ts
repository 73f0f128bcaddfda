import { EventEmitter } from 'node:events'

import { describe, expect, it, vi } from 'vitest'

import type { IpcReply } from '../../shared/ipc'

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
}))

const { watchAttention } = await import('../../electron/main/attention')
const { invitationLinkIn } = await import('../../electron/main/deepLinks')

class FakeHost extends EventEmitter {
  reply: IpcReply = { ok: false, error: { code: 'NodeLocked', message: 'locked' } }
  call = vi.fn(async () => this.reply)
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
    expect(host.call).toHaveBeenCalledTimes(4)
    stop()
    expect(trays[0].destroyed).toBe(true)
  })

  it('finds a custos:// invitation among launch arguments, and nothing else', () => {
    expect(invitationLinkIn(['/usr/bin/custos', '--flag', 'custos://invite?oob=abc'])).toBe('custos://invite?oob=abc')
    expect(invitationLinkIn(['/usr/bin/custos', 'https://example.org/?oob=abc', 'custos://other'])).toBeUndefined()
  })
})
