// The crash test: repeated SIGKILLs while a node writes, each followed by a restart and a check that every
// acknowledged write and message is there exactly once. Used by `npm run crashtest` and by the suite.
import fs from 'node:fs'
import path from 'node:path'

import type { CustosNode } from '../../electron/node'
import { freePort } from '../../tests/helpers/freePort'
import { startNode } from '../../tests/helpers/nodes'
import { NodeProcess } from '../../tests/helpers/processes/NodeProcess'
import { crashOnce, type Acknowledged } from './crashCycle'

export interface CrashFigures {
  kills: number
  failedUnlocks: number
  /** Restarts that missed the first 30 s wait and succeeded on the second, longer one. */
  slowStarts: number
  writesAcknowledged: number
  writesLost: number
  writesDuplicated: number
  inboundAcknowledged: number
  inboundLost: number
  inboundDuplicated: number
  invitationsAcknowledged: number
  invitationsLost: number
  invitationsDuplicated: number
  /** Envelopes moved to the dead letters (could not be processed), and still waiting when checked. */
  deadLetters: number
  stillSpooled: number
  /** Which acknowledged messages are missing (cycle and number), to look into them. */
  lostInbound: string[]
  /** Stored twice though never acknowledged: in processing when the node died (see the note on the spool). */
  unacknowledgedDuplicated: number
  seconds: number
}

/** A small seeded generator, so a run that found something can be repeated. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1
  return () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32
}

export async function runCrashTest(dir: string, kills: number, seed: number): Promise<CrashFigures> {
  const started = Date.now()
  const next = random(seed)
  const config = {
    dataDir: path.join(dir, 'node'),
    label: 'crashed',
    passphrase: 'correct horse battery staple',
    port: await freePort(),
  }
  let node: NodeProcess | undefined = await NodeProcess.start(config)
  const sender: CustosNode = await startNode(path.join(dir, 'sender'), { label: 'sender' })
  const figures: CrashFigures = {
    kills: 0,
    failedUnlocks: 0,
    slowStarts: 0,
    writesAcknowledged: 0,
    writesLost: 0,
    writesDuplicated: 0,
    inboundAcknowledged: 0,
    inboundLost: 0,
    inboundDuplicated: 0,
    invitationsAcknowledged: 0,
    invitationsLost: 0,
    invitationsDuplicated: 0,
    unacknowledgedDuplicated: 0,
    deadLetters: 0,
    stillSpooled: 0,
    lostInbound: [],
    seconds: 0,
  }
  try {
    const url = await node.request<string>({ cmd: 'createInvitation' })
    const { connectionRecord } = await sender.agent.didcomm.oob.receiveInvitationFromUrl(url, { label: 'crash sender' })
    const connectionId = (
      await sender.agent.didcomm.connections.returnWhenIsConnected(connectionRecord!.id, { timeoutMs: 20_000 })
    ).id
    const all: Acknowledged = { writes: [], inbound: [], invitations: [] }
    for (let cycle = 0; cycle < kills && node; cycle++) {
      const result = await crashOnce(config, node, sender, connectionId, cycle, 150 + Math.floor(next() * 1_200))
      figures.kills++
      all.writes.push(...result.acked.writes)
      all.inbound.push(...result.acked.inbound)
      all.invitations.push(...result.acked.invitations)
      node = result.node
      if (result.unlockFailed) figures.failedUnlocks++
      if (result.slowStart) {
        figures.slowStarts++
        console.error(`cycle ${cycle}: slow restart (${result.slowStart})`)
      }
    }
    if (node) await check(node, all, figures, path.join(config.dataDir, 'spool'))
  } finally {
    await node?.stop()
    await sender.close()
    figures.seconds = Math.round((Date.now() - started) / 1000)
  }
  return figures
}

async function check(node: NodeProcess, acked: Acknowledged, figures: CrashFigures, spoolDir: string) {
  const labels = (await node.api('selfDeclared.list')).map((item) => item.label)
  // Spooled messages are processed after the restart: wait until the spool is empty (a loaded machine
  // takes a while), then what is missing is missing.
  const waiting = () => fs.readdirSync(spoolDir).filter((name) => name.endsWith('.json')).length
  let stored: string[] = []
  for (let i = 0; i < 600; i++) {
    stored = (await node.request<{ stored: string[] }>({ cmd: 'received' })).stored
    if (acked.inbound.every((content) => stored.includes(content)) || waiting() === 0) break
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  await new Promise((resolve) => setTimeout(resolve, 500))
  stored = (await node.request<{ stored: string[] }>({ cmd: 'received' })).stored
  figures.stillSpooled = waiting()
  figures.deadLetters = fs.readdirSync(path.join(spoolDir, 'dead')).filter((name) => /^\d+\.json$/.test(name)).length
  const count = (list: string[]) => list.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>())
  const labelCount = count(labels)
  const invitationCount = count(await node.request<string[]>({ cmd: 'invitationLabels' }))
  figures.invitationsAcknowledged = acked.invitations.length
  figures.invitationsLost = acked.invitations.filter((l) => !invitationCount.has(l)).length
  figures.invitationsDuplicated = [...invitationCount.values()].filter((n) => n > 1).length
  const storedCount = count(stored)
  figures.writesAcknowledged = acked.writes.length
  figures.writesLost = acked.writes.filter((l) => !labelCount.has(l)).length
  figures.writesDuplicated = [...labelCount.values()].filter((n) => n > 1).length
  figures.inboundAcknowledged = acked.inbound.length
  figures.lostInbound = acked.inbound.filter((c) => !storedCount.has(c))
  figures.inboundLost = figures.lostInbound.length
  const acknowledged = new Set(acked.inbound)
  const twice = [...storedCount].filter(([, n]) => n > 1).map(([content]) => content)
  figures.inboundDuplicated = twice.filter((content) => acknowledged.has(content)).length
  figures.unacknowledgedDuplicated = twice.length - figures.inboundDuplicated
}
