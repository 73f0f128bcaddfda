import {
  RepositoryEventTypes,
  type BaseEvent,
  type BaseRecord,
  type RecordDeletedEvent,
  type RecordSavedEvent,
  type RecordUpdatedEvent,
} from '@credo-ts/core'
import { DidCommConnectionEventTypes } from '@credo-ts/didcomm'

import { AgreementEventTypes } from '../agreements'
import type { CustosAgent } from '../agent'
import { ConsentEventTypes, type RequestEvaluatedEvent } from '../consent'
import type { LiveTopic } from '../kernel'
import { DisclosureEventTypes } from '../disclosures'
import { HouseholdEventTypes } from '../household'
import { JointApplicationEventTypes } from '../jointApplications'
import { MandateEventTypes } from '../mandates'
import { PrivacyProfileEventTypes } from '../privacyProfile'
import { SelfDeclaredEventTypes } from '../selfDeclared'

type RecordEvent = RecordSavedEvent<BaseRecord> | RecordUpdatedEvent<BaseRecord> | RecordDeletedEvent<BaseRecord>

/** Credo record `type`s whose saves, updates and deletions the page hears of; checked against Credo's record classes in a test. */
export const topicOfRecord: Readonly<Record<string, LiveTopic>> = {
  ConnectionRecord: 'connections',
  MediationRecord: 'mediation',
  // Offers and held credentials; proof requests. Their lists are queries on these Credo records.
  CredentialRecord: 'credentials',
  W3cCredentialRecord: 'credentials',
  // An SD-JWT VC taken over OpenID4VCI comes with no DIDComm exchange to announce it.
  SdJwtVcRecord: 'credentials',
  MdocRecord: 'credentials',
  ProofRecord: 'requests',
}

/**
 * Forwards the agent's own events (a connection completed by the other side, an item saved) to
 * `publish`. Each unlock builds a new agent, so this attaches to one agent and detaches from it.
 */
export function followAgent(agent: CustosAgent, publish: (topic: LiveTopic) => void): () => void {
  const onRecord = (event: RecordEvent) => {
    const topic = topicOfRecord[event.payload.record.type]
    if (topic) publish(topic)
  }
  // A standing policy answered a request without the person: Home lists it, the desktop shell notifies.
  const onEvaluated = (event: RequestEvaluatedEvent) => {
    if (event.payload.acted === 'shared' || event.payload.acted === 'refused') publish('decisions')
  }
  const subscriptions: Array<[string, (event: BaseEvent) => void]> = [
    [ConsentEventTypes.RequestEvaluated, onEvaluated as (event: BaseEvent) => void],
    [DidCommConnectionEventTypes.DidCommConnectionStateChanged, () => publish('connections')],
    [SelfDeclaredEventTypes.SelfDeclaredItemChanged, () => publish('selfDeclared')],
    // A waiting request's position against the profile is read again.
    [PrivacyProfileEventTypes.PrivacyProfileChanged, () => publish('requests')],
    // A recipient said what it did with a disclosure (a signed deletion confirmation, say): History shows it.
    [DisclosureEventTypes.DisclosureChanged, () => publish('requests')],
    // A company offered, accepted, rejected or ended an agreement.
    [AgreementEventTypes.AgreementChanged, () => publish('requests')],
    // A member's node came or went: the Household screen says who is reachable now.
    [HouseholdEventTypes.MemberReachabilityChanged, () => publish('mediation')],
    // A joint application moved on: the request card and the request to join show it.
    [JointApplicationEventTypes.JointApplicationChanged, () => publish('requests')],
    // A mandate was given or revoked, or a request put to a delegate moved: the Household screen shows it.
    [MandateEventTypes.MandateChanged, () => publish('mediation')],
    [RepositoryEventTypes.RecordSaved, onRecord as (event: BaseEvent) => void],
    [RepositoryEventTypes.RecordUpdated, onRecord as (event: BaseEvent) => void],
    [RepositoryEventTypes.RecordDeleted, onRecord as (event: BaseEvent) => void],
  ]
  for (const [type, listener] of subscriptions) agent.events.on(type, listener)
  return () => {
    for (const [type, listener] of subscriptions) agent.events.off(type, listener)
  }
}
