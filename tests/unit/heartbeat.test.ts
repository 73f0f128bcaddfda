import type { AddressInfo } from 'node:net'

import { describe, expect, it } from 'vitest'
import WebSocket, { WebSocketServer } from 'ws'

import { startHeartbeat } from '../../electron/node/transports/heartbeat'

describe('the WebSocket heartbeat', () => {
  it('ends a socket whose peer stopped answering pings, and keeps one that answers', async () => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 })
    await new Promise((resolve) => wss.once('listening', resolve))
    const stop = startHeartbeat(wss, 40)
    const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`
    const open = (autoPong: boolean) =>
      new Promise<WebSocket>((resolve) => {
        const socket = new WebSocket(url, { autoPong })
        socket.once('open', () => resolve(socket))
      })
    const silent = await open(false)
    const alive = await open(true)
    const silentClosed = new Promise((resolve) => silent.once('close', resolve))
    await silentClosed
    expect(alive.readyState).toBe(WebSocket.OPEN)
    alive.close()
    stop()
    await new Promise((resolve) => wss.close(resolve))
  })
})
