/**
 * Runs async tasks one at a time in call order. Taking from the queue reads and then marks
 * records; two pickups interleaving between those steps would hand out the same message twice.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task)
    this.tail = result.catch(() => undefined)
    return result
  }
}
