import { DidCommMessageReceiver } from '@credo-ts/didcomm'
import { describe, expect, it } from 'vitest'

// electron/node/transports/processingStages.ts wraps two private steps of Credo's receiver (0.6.3 offers
// no public hook between decrypting and dispatching). This fails when the pinned Credo changes them.
describe('the receiver steps processingStages wraps', () => {
  it('DidCommMessageReceiver still has decryptMessage(agentContext, message) and transformAndValidate', () => {
    const prototype = DidCommMessageReceiver.prototype as unknown as Record<string, unknown>
    expect(typeof prototype.decryptMessage).toBe('function')
    expect((prototype.decryptMessage as (...args: unknown[]) => unknown).length).toBe(2)
    expect(typeof prototype.transformAndValidate).toBe('function')
    expect((prototype.transformAndValidate as (...args: unknown[]) => unknown).length).toBeGreaterThanOrEqual(2)
  })
})
