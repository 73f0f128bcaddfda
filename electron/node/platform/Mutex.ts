/**
 * Lets one async task run at a time, in call order. Used where a read followed by a write must not
 * interleave with another (taking from a queue, opening or locking the store).
 */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve()

  runExclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task)
    this.tail = result.catch(() => undefined)
    return result
  }
}
