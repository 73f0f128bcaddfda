import { EventEmitter, type AgentContext } from '@credo-ts/core'
import {
  DidCommCredentialEventTypes,
  DidCommCredentialState,
  type DidCommCredentialStateChangedEvent,
} from '@credo-ts/didcomm'

import type { HeldCredential } from '../../../shared/api'
import { CustosError } from '../../../shared/errors'
import {
  CustosCredentialEventTypes,
  type CredentialRefusedEvent,
  type CredentialStoredEvent,
} from './CredentialsEvents'

/**
 * Resolves with the stored credential of exchange `exchangeId`, or fails with the reason: the node
 * refused it, or the issuer reported a problem. Listening starts before the request is sent.
 */
export function awaitIssued(agentContext: AgentContext, exchangeId: string, timeoutMs: number) {
  const events = agentContext.dependencyManager.resolve(EventEmitter)
  let cleanup = () => {}
  const issued = new Promise<HeldCredential>((resolve, reject) => {
    const onStored = ({ payload }: CredentialStoredEvent) => {
      if (payload.exchangeId === exchangeId) finish(() => resolve(payload.credential))
    }
    const onRefused = ({ payload }: CredentialRefusedEvent) => {
      if (payload.exchangeId === exchangeId)
        finish(() => reject(new CustosError(payload.code ?? 'CredentialRefused', payload.reason)))
    }
    const onState = ({ payload }: DidCommCredentialStateChangedEvent) => {
      const record = payload.credentialExchangeRecord
      if (record.id !== exchangeId || record.state !== DidCommCredentialState.Abandoned) return
      finish(() => reject(new CustosError('CredentialRefused', `The issuer stopped: ${record.errorMessage ?? ''}`)))
    }
    const timer = setTimeout(
      () => finish(() => reject(new CustosError('PeerUnreachable', 'The issuer did not send the credential in time.'))),
      timeoutMs,
    )
    cleanup = () => {
      clearTimeout(timer)
      events.off(CustosCredentialEventTypes.CredentialStored, onStored)
      events.off(CustosCredentialEventTypes.CredentialRefused, onRefused)
      events.off(DidCommCredentialEventTypes.DidCommCredentialStateChanged, onState)
    }
    const finish = (settle: () => void) => {
      cleanup()
      settle()
    }
    events.on(CustosCredentialEventTypes.CredentialStored, onStored)
    events.on(CustosCredentialEventTypes.CredentialRefused, onRefused)
    events.on(DidCommCredentialEventTypes.DidCommCredentialStateChanged, onState)
  })
  return { issued, cancel: () => cleanup() }
}
