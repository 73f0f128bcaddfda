import { type AgentContext } from '@credo-ts/core'
import { DidCommMessageReceiver, DidCommMessageHandlerRegistry } from '@credo-ts/didcomm'

import { InboundRefusal } from '../kernel'
import { alreadyCommitted } from './spool/commitProbes'
import { AlreadyProcessedError, messageIdScope } from './spool/messageIdScope'
import type { SeenMessages } from './spool/SeenMessages'

/** The envelope is not for this node, or it was tampered with: the sender's fault, refused. */
export class EnvelopeNotDecryptableError extends InboundRefusal {
  override readonly name = 'EnvelopeNotDecryptableError'
  readonly reason = 'cannot decrypt' as const
}

/** The envelope decrypted but its message is not a valid DIDComm message: refused. */
export class MessageInvalidError extends InboundRefusal {
  override readonly name = 'MessageInvalidError'
  readonly reason = 'invalid message' as const
}

type Stage = (...args: unknown[]) => Promise<unknown>
type StagedReceiver = Record<'decryptMessage' | 'transformAndValidate', Stage> & { [MARKED]?: true }
const MARKED = Symbol('custos.processingStages')

/**
 * Lets the transport tell bad input (refused with a 4xx) from a failure after the message was accepted
 * (answered 202: the message may already be stored, e.g. queued by a mediator before live delivery
 * failed). Credo throws the same error types from every stage, so the two steps that judge the input
 * are wrapped to say which stage failed. Decrypting here, once, replaces a separate decrypt to classify.
 * Credo 0.6.3 offers no public hook between these steps: the methods are private in its typings, hence
 * the cast; tests/unit/processingStagesShape.test.ts fails if the pinned DidCommMessageReceiver changes them.
 */
export function markProcessingStages(agent: AgentContext, seen: SeenMessages): void {
  const receiver = agent.dependencyManager.resolve(DidCommMessageReceiver) as unknown as StagedReceiver
  if (receiver[MARKED]) return
  receiver[MARKED] = true
  wrap(
    receiver,
    'decryptMessage',
    (error) => new EnvelopeNotDecryptableError(describe(error), { cause: error }),
    async (d) => {
      // The first point where the message id is known: a message processed before (a spooled envelope
      // that came back after a crash) stops here.
      const message = (d as { plaintextMessage?: { '@id'?: unknown; '@type'?: unknown } }).plaintextMessage
      const id = message?.['@id']
      // Only what came through the spool is tracked: a message that arrived on a socket we opened (our
      // mediator's live delivery) has no spool entry to guard, and would never be marked done.
      const scope = messageIdScope.getStore()
      if (typeof id !== 'string' || !scope) return
      // A copy of a message being processed right now (a sender that retried on its next endpoint) too.
      if (!seen.begin(id)) throw new AlreadyProcessedError(id)
      scope.id = id
      // Died after its handler saved and before its id was remembered: the store itself says so.
      if (scope.inDoubt && (await alreadyCommitted(agent, { ...message, '@id': id }))) {
        seen.add(id)
        throw new AlreadyProcessedError(id)
      }
    },
  )
  // The last step before its handler: a pipelined message waits here for the one before it.
  wrap(
    receiver,
    'transformAndValidate',
    (error) => new MessageInvalidError(describe(error), { cause: error }),
    () => messageIdScope.getStore()?.turn?.waitForPrevious(),
  )
  // Remembered as soon as its handler returned (its records are saved), before any answer is sent: the
  // window in which a crash leaves a processed message unremembered is as short as it can be made here.
  agent.dependencyManager
    .resolve(DidCommMessageHandlerRegistry)
    .registerMessageHandlerMiddleware(async (messageContext, next) => {
      await next()
      const scope = messageIdScope.getStore()
      if (scope?.id && scope.id === messageContext.message.id) {
        seen.add(scope.id, { flush: !scope.deferSeenFlush })
        scope.turn?.release()
      }
    })
}

function wrap(
  receiver: StagedReceiver,
  name: 'decryptMessage' | 'transformAndValidate',
  map: (e: unknown) => Error,
  after?: (result: unknown) => void | Promise<void>,
) {
  const original = receiver[name].bind(receiver)
  receiver[name] = async (...args: unknown[]) => {
    let result: unknown
    try {
      result = await original(...args)
    } catch (error) {
      throw map(error)
    }
    await after?.(result)
    return result
  }
}

// Only the error's name: messages from validation can quote the decrypted payload.
function describe(error: unknown): string {
  return error instanceof Error ? error.name : typeof error
}
