/** What waits in the spool, per sender and in all: the quota is judged on it without reading the folder. */
export class SpoolCounts {
  private readonly byRemote = new Map<string, { messages: number; bytes: number }>()
  private total = 0

  get totalBytes(): number {
    return this.total
  }

  of(remote: string): { messages: number; bytes: number } {
    return this.byRemote.get(remote) ?? { messages: 0, bytes: 0 }
  }

  add(remote: string, bytes: number): void {
    const held = this.of(remote)
    this.byRemote.set(remote, { messages: held.messages + 1, bytes: held.bytes + bytes })
    this.total += bytes
  }

  remove(remote: string, bytes: number): void {
    const held = this.of(remote)
    if (held.messages <= 1) this.byRemote.delete(remote)
    else this.byRemote.set(remote, { messages: held.messages - 1, bytes: held.bytes - bytes })
    this.total -= bytes
  }
}
