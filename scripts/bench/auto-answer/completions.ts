import { type Agent } from '@credo-ts/core'
import { DidCommProofEventTypes, DidCommProofState, type DidCommProofStateChangedEvent } from '@credo-ts/didcomm'

/**
 * When each of a lender's proof requests ended, by proof record id. It listens before any request is
 * sent: a policy can answer before `requestProof` has even returned, and an event heard after that
 * would be missed. "Ended" is the lender holding a presentation Credo verified (or a refusal).
 */
export class Completions {
  private readonly ended = new Map<string, { at: number; verified: boolean }>()
  private readonly waiting = new Map<string, (end: { at: number; verified: boolean }) => void>()

  constructor(agent: Agent) {
    agent.events.on<DidCommProofStateChangedEvent>(DidCommProofEventTypes.ProofStateChanged, ({ payload }) => {
      const { id, state, isVerified } = payload.proofRecord
      if (this.ended.has(id)) return
      const done = state === DidCommProofState.PresentationReceived || state === DidCommProofState.Done
      const failed = state === DidCommProofState.Abandoned || state === DidCommProofState.Declined
      if (!done && !failed) return
      const end = { at: performance.now(), verified: done && isVerified === true }
      this.ended.set(id, end)
      this.waiting.get(id)?.(end)
      this.waiting.delete(id)
    })
  }

  /** Resolves when the request ended; rejects after `timeoutMs` (counted as lost by the caller). */
  of(id: string, timeoutMs = 60_000): Promise<{ at: number; verified: boolean }> {
    const end = this.ended.get(id)
    if (end) return Promise.resolve(end)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id)
        reject(new Error(`no answer to proof request ${id} in ${timeoutMs} ms`))
      }, timeoutMs)
      this.waiting.set(id, (found) => {
        clearTimeout(timer)
        resolve(found)
      })
    })
  }
}
