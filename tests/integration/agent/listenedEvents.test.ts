import fs from 'node:fs'
import path from 'node:path'

import * as credoCore from '@credo-ts/core'
import {
  RepositoryEventTypes,
  MdocRecord,
  SdJwtVcRecord,
  W3cCredentialRecord,
  type AgentContext,
  type BaseEvent,
} from '@credo-ts/core'
import * as credoDidComm from '@credo-ts/didcomm'
import {
  DidCommConnectionEventTypes,
  DidCommConnectionRecord,
  DidCommCredentialEventTypes,
  DidCommCredentialExchangeRecord,
  DidCommEventTypes,
  DidCommMediationRecord,
  DidCommMessagePickupApi,
  DidCommMessagePickupEventTypes,
  DidCommProofEventTypes,
  DidCommProofExchangeRecord,
  DidCommProofState,
  DidCommTransportEventTypes,
  type DidCommEncryptedMessage,
  type DidCommMessageReceivedEvent,
} from '@credo-ts/didcomm'
import { afterAll, describe, expect, it, vi } from 'vitest'

import { createLiveDispatch, type CustosNode } from '../../../electron/node'
import { topicOfRecord } from '../../../electron/node/api/liveEvents'
import { PICKUP_QUEUE, type StorageMessagePickupRepository } from '../../../electron/node/mediation'
import {
  ImplicitDeliveryState,
  startImplicitDelivery,
  stopImplicitDelivery,
} from '../../../electron/node/mediation/recipient/implicitDelivery'
import { VERDICT_WAIT_MS } from '../../../electron/node/requests/requesterVerdict'
import { identityClaims, samplePerson } from '../../../scripts/companies'
import { connectToCompany, eventually, startCompanies } from '../../helpers/companies'
import { evaluationOfThread, issueIdentityAndIncome, mortgagePolicy } from '../../helpers/consent'
import { freePort } from '../../helpers/freePort'
import { apiOf, connect, startNode, waitForEvent } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

// Credo 0.6 renamed almost every DIDComm event string; a listener on a string nobody emits any more
// stays silent and throws nothing. Every Credo event the node listens to is in this table, each proved
// by a flow of real parts here: the event fires, AND its listener's effect happens.
type Flow = 'companies' | 'mediation' | 'implicit'
interface Listened {
  /** The files under electron/node that subscribe to it. */
  files: string[]
  /** The flow below that raises it, and on which agent. */
  flow: Flow
  agent: 'node' | 'desktop' | 'mediator'
}

const LISTENED: Record<string, Listened> = {
  [DidCommCredentialEventTypes.DidCommCredentialStateChanged]: {
    files: ['credentials/awaitIssued.ts'],
    flow: 'companies',
    agent: 'node',
  },
  [DidCommProofEventTypes.ProofStateChanged]: {
    files: [
      'consent/ConsentModule.ts',
      'disclosures/DisclosuresModule.ts',
      'jointApplications/JointApplicationsModule.ts',
      'requests/requesterVerdict.ts',
    ],
    flow: 'companies',
    agent: 'node',
  },
  [DidCommConnectionEventTypes.DidCommConnectionStateChanged]: {
    files: ['api/liveEvents.ts'],
    flow: 'companies',
    agent: 'node',
  },
  [RepositoryEventTypes.RecordSaved]: {
    files: ['api/liveEvents.ts', 'credentials/heldIndex/keepInStep.ts'],
    flow: 'companies',
    agent: 'node',
  },
  [RepositoryEventTypes.RecordUpdated]: {
    files: ['api/liveEvents.ts', 'credentials/heldIndex/keepInStep.ts'],
    flow: 'companies',
    agent: 'node',
  },
  [RepositoryEventTypes.RecordDeleted]: {
    files: ['api/liveEvents.ts', 'credentials/heldIndex/keepInStep.ts'],
    flow: 'companies',
    agent: 'node',
  },
  [DidCommMessagePickupEventTypes.MessagePickupCompleted]: {
    files: ['mediation/recipient/liveModeAfterDrain.ts'],
    flow: 'mediation',
    agent: 'desktop',
  },
  [DidCommTransportEventTypes.DidCommOutboundWebSocketOpenedEvent]: {
    files: ['mediation/recipient/implicitDelivery.ts'],
    flow: 'implicit',
    agent: 'node',
  },
  [DidCommTransportEventTypes.DidCommOutboundWebSocketClosedEvent]: {
    files: ['mediation/recipient/implicitDelivery.ts'],
    flow: 'implicit',
    agent: 'node',
  },
  [DidCommTransportEventTypes.DidCommTransportSessionSaved]: {
    files: ['household/presence.ts'],
    flow: 'mediation',
    agent: 'mediator',
  },
  [DidCommTransportEventTypes.DidCommTransportSessionRemoved]: {
    files: ['household/presence.ts', 'mediation/mediator/queue/releaseWhenSocketCloses.ts'],
    flow: 'mediation',
    agent: 'mediator',
  },
  [DidCommEventTypes.DidCommMessageProcessed]: {
    files: ['household/presence.ts'],
    flow: 'mediation',
    agent: 'mediator',
  },
  [DidCommEventTypes.DidCommMessageSent]: {
    files: ['mediation/mediator/queue/deleteWhenSent.ts'],
    flow: 'mediation',
    agent: 'mediator',
  },
}

// The record types the live topics follow, each the `type` its Credo 0.6 record class carries.
const RECORD_CLASSES: Record<string, { type: string }> = {
  ConnectionRecord: DidCommConnectionRecord,
  MediationRecord: DidCommMediationRecord,
  CredentialRecord: DidCommCredentialExchangeRecord,
  W3cCredentialRecord: W3cCredentialRecord,
  SdJwtVcRecord: SdJwtVcRecord,
  MdocRecord: MdocRecord,
  ProofRecord: DidCommProofExchangeRecord,
}

const NODE_SOURCE = path.resolve(__dirname, '../../../electron/node')

/** Credo's event enums by name (…EventTypes exported by @credo-ts/core and @credo-ts/didcomm). */
function credoEventEnums(): Map<string, Record<string, string>> {
  const enums = new Map<string, Record<string, string>>()
  for (const exported of [credoCore, credoDidComm])
    for (const [name, value] of Object.entries(exported))
      if (name.endsWith('EventTypes') && value && typeof value === 'object')
        enums.set(name, value as Record<string, string>)
  return enums
}

/** Every Credo event string referenced under electron/node (as `XEventTypes.Y` or as a literal), with its files. */
function credoEventsInSource(): Record<string, string[]> {
  const enums = credoEventEnums()
  const strings = new Set([...enums.values()].flatMap((values) => Object.values(values)))
  const found: Record<string, Set<string>> = {}
  const add = (event: string, file: string) => (found[event] ??= new Set()).add(file)
  for (const file of fs.readdirSync(NODE_SOURCE, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts')) continue
    const text = fs.readFileSync(path.join(NODE_SOURCE, file), 'utf8')
    for (const [, name, member] of text.matchAll(/\b(\w+EventTypes)\.(\w+)/g)) {
      const values = enums.get(name)
      if (!values) continue // one of our own Custos event enums
      expect(values[member], `${file}: ${name}.${member} is not in Credo`).toBeDefined()
      add(values[member], file)
    }
    for (const [, literal] of text.matchAll(/['"`](\w+)['"`]/g)) if (strings.has(literal)) add(literal, file)
  }
  return Object.fromEntries(Object.entries(found).map(([event, files]) => [event, [...files].sort()]))
}

interface Emitted {
  type: string
  recordType?: string
  at: number
  payload: Record<string, unknown>
}

/**
 * Records every event the node's agent emits (Credo's emitter is synchronous, so a topic published by
 * a listener is attributed to the event being emitted), and follows the agent as the desktop shell does.
 */
function watch(node: CustosNode) {
  const events = node.agent.events
  const emitted: Emitted[] = []
  const published: Array<{ topic: string; during?: string; recordType?: string }> = []
  let current: Emitted | undefined
  const emit = events.emit.bind(events)
  events.emit = ((agentContext: AgentContext, data: BaseEvent) => {
    const payload = data.payload as Record<string, unknown>
    const record = payload.record as { type?: string } | undefined
    const entry: Emitted = { type: data.type, recordType: record?.type, at: Date.now(), payload }
    emitted.push(entry)
    const outer = current
    current = entry
    try {
      emit(agentContext, data)
    } finally {
      current = outer
    }
  }) as typeof events.emit
  const live = createLiveDispatch(node, (topic) =>
    published.push({ topic, during: current?.type, recordType: current?.recordType }),
  )
  return {
    emitted,
    published,
    types: () => new Set(emitted.map((e) => e.type)),
    close: () => live.close(),
  }
}

const envelope = (marker: string): DidCommEncryptedMessage => ({
  protected: marker,
  iv: 'iv',
  ciphertext: 'c',
  tag: 't',
})

describe('no silent listener: every Credo event the node listens to fires in its flow, and its listener acts', () => {
  const tmp = makeTmpDir()
  const seen: Partial<Record<Flow, Partial<Record<Listened['agent'], Set<string>>>>> = {}
  const stops: Array<() => Promise<unknown>> = []
  afterAll(async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined)
    tmp.cleanup()
  })

  it('the table holds every Credo event referenced under electron/node, with the files that listen', () => {
    const inSource = credoEventsInSource()
    expect(inSource).toEqual(
      Object.fromEntries(Object.entries(LISTENED).map(([event, { files }]) => [event, [...files].sort()])),
    )
    // The record types the live topics follow are those Credo 0.6's records carry.
    expect(Object.keys(topicOfRecord).sort()).toEqual(Object.keys(RECORD_CLASSES).sort())
    for (const [type, recordClass] of Object.entries(RECORD_CLASSES)) expect(recordClass.type).toBe(type)
  })

  it('issuance, an issuer that stops, answers by hand and by a policy, a removed connection', async () => {
    const companies = await startCompanies(`${tmp.dir}/companies`)
    stops.push(() => companies.stop())
    const node = await startNode(`${tmp.dir}/node`, { label: 'Alice', inbound: { port: await freePort() } })
    stops.push(() => node.close())
    const api = apiOf(node)
    const watched = watch(node)

    // Issuance: connections made and completed, credentials offered, requested, stored.
    await issueIdentityAndIncome(node, companies, samplePerson(21))
    expect((await api['credentials.list'](undefined)).map((held) => held.types.at(-1)).sort()).toEqual([
      'IdentityCredential',
      'IncomeCredential',
    ])

    // awaitIssued: the issuer answers the request with a problem report instead of a credential (its own
    // Credo call, sent for real); only the credential state listener ends the wait with the issuer's words.
    const bank = companies.bank
    const { companyConnectionId: bankConnection } = await connectToCompany(node, bank)
    vi.spyOn(bank.agent.didcomm.credentials, 'acceptRequest').mockImplementationOnce(({ credentialExchangeRecordId }) =>
      bank.agent.didcomm.credentials.sendProblemReport({
        credentialExchangeRecordId,
        description: 'We stopped issuing this.',
      }),
    )
    await bank.offer(bankConnection, { kind: 'IdentityCredential', claims: identityClaims(samplePerson(21)) })
    const offer = await eventually(async () => (await api['credentials.listOffers'](undefined))[0])
    await expect(api['credentials.acceptOffer']({ id: offer.id })).rejects.toMatchObject({
      code: 'CredentialRefused',
      message: expect.stringContaining('We stopped issuing this.'),
    })

    // requesterVerdict and DisclosuresModule: answered by hand, acknowledged by the lender.
    const lender = companies.lender
    lender.trust('IdentityCredential', companies.registry.did)
    const { nodeConnectionId, companyConnectionId } = await connectToCompany(node, lender)
    await lender.ask(companyConnectionId, undefined, undefined, { ackOnlyTrusted: true })
    const request = await eventually(async () => (await api['requests.list'](undefined))[0])
    const answered = await api['requests.approve']({ id: request.id })
    const returnedAt = Date.now()
    expect(answered.answer).toEqual({ outcome: 'accepted' })
    // The wait ended on the lender's acknowledgement, not on the give-up after VERDICT_WAIT_MS.
    const sent = watched.emitted.find(
      (e) =>
        e.type === DidCommProofEventTypes.ProofStateChanged &&
        (e.payload.proofRecord as DidCommProofExchangeRecord).id === request.id &&
        (e.payload.proofRecord as DidCommProofExchangeRecord).state === DidCommProofState.PresentationSent,
    )
    expect(sent).toBeDefined()
    expect(returnedAt - sent!.at).toBeLessThan(VERDICT_WAIT_MS)
    const byHand = await eventually(async () => {
      const entry = (await api['disclosures.list'](undefined)).find((d) => d.notices.length > 0)
      return entry
    })
    expect(byHand.notices.map((notice) => notice.kind)).toEqual(['accepted'])

    // ConsentModule: a standing policy answers the next request as it arrives, without the person.
    const policy = await api['consent.createPolicy'](mortgagePolicy(nodeConnectionId))
    const proofId = await lender.ask(companyConnectionId, undefined, undefined, { ackOnlyTrusted: true })
    expect((await lender.outcome(proofId)).state).toBe('verified')
    const threadId = (await lender.agent.didcomm.proofs.getById(proofId)).threadId
    const { evaluation } = await evaluationOfThread(node, threadId)
    expect(evaluation).toMatchObject({ outcome: 'share', decidedBy: { policyId: policy.id } })
    await eventually(async () => ((await api['disclosures.list'](undefined)).length === 2 ? true : undefined))

    // A removed connection: its record is deleted.
    expect(await api['connections.remove']({ id: nodeConnectionId })).toEqual({ removed: true })

    // liveEvents: each followed event and record type published its topic while it was emitted.
    const publishedBy = (event: string, recordType?: string) =>
      watched.published.filter((p) => p.during === event && p.recordType === recordType).map((p) => p.topic)
    expect(publishedBy(DidCommConnectionEventTypes.DidCommConnectionStateChanged)).toContain('connections')
    for (const [recordType, topic] of Object.entries(topicOfRecord)) {
      if (recordType === 'MediationRecord') continue // the mediation flow's
      // OpenID4VCI's: openid4vc/nodeOpenId4Vc.test.ts and openid4vc/formats.test.ts
      if (recordType === 'SdJwtVcRecord' || recordType === 'MdocRecord') continue
      expect(publishedBy(RepositoryEventTypes.RecordSaved, recordType), recordType).toContain(topic)
    }
    for (const recordType of ['ConnectionRecord', 'CredentialRecord', 'ProofRecord'])
      expect(publishedBy(RepositoryEventTypes.RecordUpdated, recordType), recordType).toContain(
        topicOfRecord[recordType],
      )
    expect(publishedBy(RepositoryEventTypes.RecordDeleted, 'ConnectionRecord')).toContain('connections')
    watched.close()
    seen.companies = { node: watched.types() }
  })

  it('a desktop behind a mediator: live delivery back after a drain, a v1 batch deleted once sent, leases released when its socket closes', async () => {
    const mediator = await startNode(`${tmp.dir}/mediator`, { label: 'mediator', mediator: true })
    stops.push(() => mediator.close())
    const desktop = await startNode(`${tmp.dir}/desktop`, { label: 'desktop', inbound: undefined })
    stops.push(() => desktop.close())
    const atMediator = watch(mediator)
    const atDesktop = watch(desktop)

    const device = await apiOf(mediator)['mediation.createDeviceInvitation'](undefined)
    await apiOf(desktop)['mediation.useMediator']({ invitationUrl: device.url })
    expect(atDesktop.published).toContainEqual({
      topic: 'mediation',
      during: RepositoryEventTypes.RecordSaved,
      recordType: 'MediationRecord',
    })
    const desktopSide = (await apiOf(desktop)['mediation.status'](undefined)).mediator!.connectionId
    // household/presence: the desktop's socket makes it a reachable member, heard from.
    const asMember = async () => (await apiOf(mediator)['household.members'](undefined)).members[0]
    await eventually(async () => ((await asMember())?.reachable && (await asMember())?.lastSeenAt) || undefined)
    const [mediatorSide] = await mediator.agent.didcomm.connections.getAll()
    const pickupAtMediator = mediator.agent.dependencyManager.resolve(DidCommMessagePickupApi)
    const pickupAtDesktop = desktop.agent.dependencyManager.resolve(DidCommMessagePickupApi)
    const liveSession = async () => pickupAtMediator.getLiveModeSession({ connectionId: mediatorSide.id })
    // Where the mediator next changed the desktop's live session, from `from` on (-1: not yet).
    const sessionChange = (from: number, type: string) =>
      atMediator.emitted.findIndex(
        (e, i) =>
          i >= from &&
          e.type === type &&
          (e.payload.session as { connectionId?: string }).connectionId === mediatorSide.id,
      )

    // liveModeAfterDrain: live delivery off (as Credo leaves it when its start-up pickup is slow); once a
    // pickup completes, the node itself asks the mediator for live delivery again.
    await eventually(liveSession)
    const mark = atMediator.emitted.length
    await pickupAtDesktop.setLiveDeliveryMode({ connectionId: desktopSide, liveDelivery: false, protocolVersion: 'v2' })
    const removed = await eventually(async () => {
      const at = sessionChange(mark, DidCommMessagePickupEventTypes.LiveSessionRemoved)
      return at >= 0 ? at : undefined
    })
    await pickupAtDesktop.pickupMessages({ connectionId: desktopSide, protocolVersion: 'v2', awaitCompletion: true })
    await eventually(
      async () => sessionChange(removed, DidCommMessagePickupEventTypes.LiveSessionSaved) >= 0 || undefined,
    )
    await eventually(liveSession)

    const queue = mediator.agent.dependencyManager.resolve<StorageMessagePickupRepository>(PICKUP_QUEUE)
    // deleteWhenSent: a pickup v1 batch (no acknowledgement in v1) leaves the queue once Credo reports it sent.
    for (const marker of ['v1-a', 'v1-b'])
      await queue.addMessage({ connectionId: mediatorSide.id, recipientDids: [], payload: envelope(marker) })
    const batchArrived = waitForEvent<DidCommMessageReceivedEvent>(
      desktop,
      DidCommEventTypes.DidCommMessageReceived,
      (e) => (e.payload.message as DidCommEncryptedMessage).protected === 'v1-b',
    )
    await pickupAtDesktop.pickupMessages({ connectionId: desktopSide, protocolVersion: 'v1' })
    await batchArrived
    await eventually(async () => (queue.countHeld(mediatorSide.id) === 0 ? true : undefined))

    // releaseWhenSocketCloses: messages leased to the desktop's socket are offered again as soon as that
    // socket closes, not after the five-minute lease.
    for (const marker of ['leased-a', 'leased-b'])
      await queue.addMessage({ connectionId: mediatorSide.id, recipientDids: [], payload: envelope(marker) })
    expect(await queue.takeFromQueue({ connectionId: mediatorSide.id })).toHaveLength(2)
    expect(await queue.getAvailableMessageCount({ connectionId: mediatorSide.id })).toBe(0)
    await desktop.close()
    await eventually(async () =>
      (await queue.getAvailableMessageCount({ connectionId: mediatorSide.id })) === 2 ? true : undefined,
    )
    await eventually(async () => ((await asMember())?.reachable === false ? true : undefined))
    seen.mediation = { desktop: atDesktop.types(), mediator: atMediator.types() }
    atDesktop.close()
    atMediator.close()
  })

  it('implicit delivery: a socket the other side closed is opened again, and the back-off starts over', async () => {
    const peerPort = await freePort()
    const peerDir = `${tmp.dir}/peer`
    let peer = await startNode(peerDir, { label: 'peer', inbound: { port: peerPort } })
    stops.push(() => peer.close())
    const node = await startNode(`${tmp.dir}/implicit`, { label: 'node', inbound: { port: await freePort() } })
    stops.push(() => node.close())
    const { inviteeConnection } = await connect(peer, node)
    const watched = watch(node)
    const socketEvent = (type: string, from = 0) =>
      watched.emitted.findIndex(
        (e, i) => i >= from && e.type === type && e.payload.connectionId === inviteeConnection.id,
      )
    const state = node.agent.dependencyManager.resolve(ImplicitDeliveryState)

    // The socket a return-route trust ping opens (what a mediator without pickup delivers down).
    startImplicitDelivery(node.agent.context, inviteeConnection.id)
    const opened = await eventually(async () => {
      const at = socketEvent(DidCommTransportEventTypes.DidCommOutboundWebSocketOpenedEvent)
      return at >= 0 ? at : undefined
    })
    // The other side goes away: the closed socket is to be opened again, after a back-off.
    await peer.close()
    const closed = await eventually(async () => {
      const at = socketEvent(DidCommTransportEventTypes.DidCommOutboundWebSocketClosedEvent, opened)
      return at >= 0 ? at : undefined
    })
    expect(state.delayMs).toBeGreaterThan(0)
    peer = await startNode(peerDir, { label: 'peer', inbound: { port: peerPort } })
    await eventually(
      async () => socketEvent(DidCommTransportEventTypes.DidCommOutboundWebSocketOpenedEvent, closed) >= 0 || undefined,
    )
    // Open again: the next loss starts from the shortest back-off.
    expect(state.delayMs).toBeUndefined()
    stopImplicitDelivery(node.agent.context)
    seen.implicit = { node: watched.types() }
    watched.close()
  })

  it('every event in the table fired in its flow', () => {
    const missing = Object.entries(LISTENED)
      .filter(([event, { flow, agent }]) => !seen[flow]?.[agent]?.has(event))
      .map(([event, { flow, agent }]) => `${event} (${flow}, ${agent})`)
    expect(missing).toEqual([])
  })
})
