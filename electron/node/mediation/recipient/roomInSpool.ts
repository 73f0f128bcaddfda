import { DidCommProblemReportError } from '@credo-ts/didcomm'

import type { InboundQueue } from '../../transports'

// Credo's RoutingProblemReportReason value; the enum is not exported from its package root.
export const ERROR_PROCESSING_ATTACHMENTS = 'error-processing-attachments'

// How long a batch waits for the spool to make room before the mediator is told to keep it.
const WAIT_MS = 120_000

/**
 * Waits until the sender's spool quota has room for this batch. The pickup asks for the next batch as
 * soon as one is acknowledged, so without this a queue of 50,000 at the mediator would all be fetched
 * into the spool; waiting here holds the next request back until the drainer has caught up. If no room
 * comes (the store was locked), the batch is refused unacknowledged: the mediator keeps it.
 */
export async function roomInSpool(queue: InboundQueue, remote: string, bodies: string[]): Promise<void> {
  const bytes = bodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0)
  if (queue.spool.fits(remote, bodies.length, bytes)) return
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      stop()
      reject(
        new DidCommProblemReportError('No room to keep more messages now; they stay queued at the mediator', {
          problemCode: ERROR_PROCESSING_ATTACHMENTS,
        }),
      )
    }, WAIT_MS)
    const stop = queue.drainer.onProgress(() => {
      if (!queue.spool.fits(remote, bodies.length, bytes)) return
      clearTimeout(timer)
      stop()
      resolve()
    })
  })
}
