import readline from 'node:readline'

/**
 * Asks for the passphrase on the terminal without echoing it. Only for a person at a TTY; scripts
 * and services pass it in the environment instead.
 */
export function promptPassphrase(question: string): Promise<string> {
  return new Promise((resolve) => {
    const output = process.stdout
    const rl = readline.createInterface({ input: process.stdin, output, terminal: true })
    let muted = false
    // readline echoes through _writeToOutput; silence it once the question is shown.
    const writable = rl as unknown as { _writeToOutput: (text: string) => void }
    const original = writable._writeToOutput.bind(rl)
    writable._writeToOutput = (text: string) => {
      if (!muted) original(text)
    }
    rl.question(question, (answer) => {
      rl.close()
      output.write('\n')
      resolve(answer)
    })
    muted = true
  })
}
