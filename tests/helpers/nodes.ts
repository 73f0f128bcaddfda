import fs from 'node:fs'
import path from 'node:path'

import { type BaseEvent } from '@credo-ts/core'
import {
  DidCommBasicMessageEventTypes,
  DidCommBasicMessageRole,
  DidCommDidExchangeState,
  type DidCommBasicMessageStateChangedEvent,
} from '@credo-ts/didcomm'

import { CustosNode, createApi, type CustosNodeOptions } from '../../electron/node'

export const PASS = 'correct horse battery staple'

export type TestNodeOptions = Omit<CustosNodeOptions, 'dataDir' | 'kdf'>

/** Opens a node on `dataDir` and creates or unlocks its store; argon2i-int keeps tests fast. */
export async function startNode(dataDir: string, options: TestNodeOptions = {}): Promise<CustosNode> {
  const node = CustosNode.open({ dataDir, kdf: 'argon2i-int', inbound: {}, ...options })
  try {
    if (node.status().state === 'no-store') await node.createStore(PASS)
    else await node.unlock(PASS)
  } catch (error) {
    await node.close()
    throw error
  }
  return node
}

export function apiOf(node: CustosNode) {
  return createApi(node).api
}

export function waitForEvent<E extends BaseEvent>(
  node: CustosNode,
  type: E['type'],
  matches: (event: E) => boolean,
  timeoutMs = 20_000,
): Promise<E> {
  const events = node.agent.events
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      events.off(type, listener)
      reject(new Error(`timed out waiting for ${type}`))
    }, timeoutMs)
    const listener = (event: E) => {
      if (!matches(event)) return
      clearTimeout(timer)
      events.off(type, listener)
      resolve(event)
    }
    events.on(type, listener)
  })
}

/** `inviter` makes an invitation through the API, `invitee` accepts it; resolves once both sides are completed. */
export async function connect(inviter: CustosNode, invitee: CustosNode) {
  const invitation = await apiOf(inviter)['connections.createInvitation'](undefined)
  const accepted = await apiOf(invitee)['connections.acceptInvitation']({ url: invitation.url })
  const inviteeConnection = await invitee.agent.didcomm.connections.returnWhenIsConnected(accepted.id, {
    timeoutMs: 20_000,
  })
  const deadline = Date.now() + 20_000
  for (;;) {
    const [inviterConnection] = await inviter.agent.didcomm.connections.findAllByOutOfBandId(invitation.id)
    // isReady already holds at response-sent; wait for the complete message so nothing changes afterwards.
    if (inviterConnection?.state === DidCommDidExchangeState.Completed) {
      return { invitation, inviterConnection, inviteeConnection }
    }
    if (Date.now() > deadline) throw new Error('inviter side did not complete the connection')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Sends `content` from one node over its connection and waits until the other node has it. */
export async function sendBasicMessage(from: CustosNode, connectionId: string, to: CustosNode, content: string) {
  const received = waitForEvent<DidCommBasicMessageStateChangedEvent>(
    to,
    DidCommBasicMessageEventTypes.DidCommBasicMessageStateChanged,
    (event) =>
      event.payload.message.content === content &&
      event.payload.basicMessageRecord.role === DidCommBasicMessageRole.Receiver,
  )
  await from.agent.didcomm.basicMessages.sendMessage(connectionId, content)
  return (await received).payload
}

export function vaultFolder(node: CustosNode): string {
  return path.dirname(node.layout.storeFile)
}

export function logText(node: CustosNode): string {
  return fs.existsSync(node.layout.logFile) ? fs.readFileSync(node.layout.logFile, 'utf8') : ''
}
