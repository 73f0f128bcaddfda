// Figures, not a test (issue 15, item 3): basic messages between two agents on 127.0.0.1, sequential
// latency (send, then wait until the receiver stored it) and the rate of a burst sent at once. Three
// pairs, each in its own process (an Askar binding registers once per process):
//   custos       two Custos nodes (spool, limits, koffi binding)
//   credo-koffi  two plain Credo agents on this project's koffi Askar binding
//   credo-ffi    two plain Credo agents on npm's ffi-napi Askar wrapper, Credo's own HTTP transport
// `node --import tsx scripts/bench/messaging.ts --pair custos [--quick]`
import 'reflect-metadata'

// Before anything imports Credo (see electron/node/askar/register.ts).
import '../../electron/node/askar/register'

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { type Agent } from '@credo-ts/core'
import {
  DidCommBasicMessageEventTypes,
  DidCommBasicMessageRole,
  type DidCommBasicMessageStateChangedEvent,
} from '@credo-ts/didcomm'

import type { Askar } from '@openwallet-foundation/askar-shared'

import { startCredoAgent, stopCredoAgent } from '../../tests/helpers/credoAgent'
import { connect, startNode } from '../../tests/helpers/nodes'
import { quick, record, summarize } from './results'

const { values } = parseArgs({ options: { pair: { type: 'string' }, quick: { type: 'boolean' } } })
const pair = values.pair ?? 'custos'
const SEQUENTIAL = quick ? 30 : 200
const BURST = quick ? 100 : 500

interface Pair {
  sender: Agent
  receiver: Agent
  connectionId: string
  stop(): Promise<void>
}

async function custosPair(dir: string): Promise<Pair> {
  const [a, b] = await Promise.all([
    startNode(path.join(dir, 'a'), { label: 'a' }),
    startNode(path.join(dir, 'b'), { label: 'b' }),
  ])
  const { inviteeConnection } = await connect(b, a)
  return {
    sender: a.agent,
    receiver: b.agent,
    connectionId: inviteeConnection.id,
    stop: async () => void (await Promise.all([a.close(), b.close()])),
  }
}

async function credoPair(dir: string, ffi: boolean): Promise<Pair> {
  let askarBinding: Askar | undefined
  if (ffi) {
    const { askarLibraryPath } = await import('../../electron/node/askar')
    process.env.LIB_ASKAR_PATH = path.dirname(askarLibraryPath())
    askarBinding = (await import('@openwallet-foundation/askar-nodejs')).askarNodeJS
    // Credo 0.6.3's key management calls the registered binding, not the module's: the whole process
    // must use npm's wrapper, or its handles meet the koffi binding ("created by another Askar binding").
    const { useAskarBinding } = await import('../../electron/node/askar/register')
    useAskarBinding(askarBinding)
  }
  const [a, b] = await Promise.all(
    ['a', 'b'].map((name) =>
      startCredoAgent({ dir: path.join(dir, name), label: name, inbound: ['http'], askarBinding }),
    ),
  )
  const invitation = await b.didcomm.oob.createInvitation({ label: 'bench' })
  const { connectionRecord } = await a.didcomm.oob.receiveInvitation(invitation.outOfBandInvitation, { label: 'bench' })
  const connection = await a.didcomm.connections.returnWhenIsConnected(connectionRecord!.id, { timeoutMs: 20_000 })
  return {
    sender: a,
    receiver: b,
    connectionId: connection.id,
    stop: async () => void (await Promise.all([stopCredoAgent(a), stopCredoAgent(b)])),
  }
}

/** Resolves when the receiver has stored a message with `content`. */
function arrival(receiver: Agent, content: string): Promise<number> {
  return new Promise((resolve) => {
    const listener = (event: DidCommBasicMessageStateChangedEvent) => {
      const { basicMessageRecord } = event.payload
      if (basicMessageRecord.role !== DidCommBasicMessageRole.Receiver || basicMessageRecord.content !== content) return
      receiver.events.off(DidCommBasicMessageEventTypes.DidCommBasicMessageStateChanged, listener)
      resolve(performance.now())
    }
    receiver.events.on(DidCommBasicMessageEventTypes.DidCommBasicMessageStateChanged, listener)
  })
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `custos-bench-${pair}-`))
  const p = pair === 'custos' ? await custosPair(dir) : await credoPair(dir, pair === 'credo-ffi')
  try {
    const latencies: number[] = []
    for (let i = 0; i < SEQUENTIAL; i++) {
      const content = `seq ${i}`
      const arrived = arrival(p.receiver, content)
      const t = performance.now()
      await p.sender.didcomm.basicMessages.sendMessage(p.connectionId, content)
      latencies.push((await arrived) - t)
    }
    record({ name: `messaging.latency.${pair}`, unit: 'ms', ...summarize(latencies.slice(5)) })

    const rates: number[] = []
    for (let round = 0; round < 3; round++) {
      const contents = Array.from({ length: BURST }, (_, i) => `burst ${round}.${i}`)
      const arrived = Promise.all(contents.map((content) => arrival(p.receiver, content)))
      const t = performance.now()
      await Promise.all(contents.map((content) => p.sender.didcomm.basicMessages.sendMessage(p.connectionId, content)))
      const last = Math.max(...(await arrived))
      rates.push(BURST / ((last - t) / 1000))
    }
    record({ name: `messaging.burst.${pair}`, unit: 'msg/s', ...summarize(rates) })
  } finally {
    await p.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

await main()
process.exit(0)
