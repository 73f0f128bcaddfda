/** One line of what happens, as it happens: time since start, who, what. */
export type Say = (who: string, what: string) => void

export function sayer(out: NodeJS.WritableStream = process.stdout): Say {
  const started = Date.now()
  return (who, what) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6)
    out.write(`${seconds}s  ${who.padEnd(20)} ${what}\n`)
  }
}
