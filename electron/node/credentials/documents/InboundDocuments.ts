import type { Attachment } from '@credo-ts/core'

/**
 * Hands the attachments of an issue-credential message from the protocol, which sees the message, to
 * the format service, which sees only its own attachment. Held for the duration of processing only.
 */
export class InboundDocuments {
  private readonly byThread = new Map<string, Attachment[]>()

  hold(threadId: string, attachments: Attachment[]): void {
    this.byThread.set(threadId, attachments)
  }

  take(threadId: string): Attachment[] {
    return this.byThread.get(threadId) ?? []
  }

  release(threadId: string): void {
    this.byThread.delete(threadId)
  }
}
