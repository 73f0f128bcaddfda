import type { DidCommAttachment } from '@credo-ts/didcomm'

/**
 * Hands the attachments of an issue-credential message from the protocol, which sees the message, to
 * the format service, which sees only its own attachment. Held for the duration of processing only.
 */
export class InboundDocuments {
  private readonly byThread = new Map<string, DidCommAttachment[]>()

  hold(threadId: string, attachments: DidCommAttachment[]): void {
    this.byThread.set(threadId, attachments)
  }

  take(threadId: string): DidCommAttachment[] {
    return this.byThread.get(threadId) ?? []
  }

  release(threadId: string): void {
    this.byThread.delete(threadId)
  }
}
