import { promptPassphrase } from './promptPassphrase'

/**
 * The passphrase from the environment variable `name`, or typed on a terminal. The variable is deleted
 * once read: whatever the process runs or dumps later (a crash report, a child process) must not carry it.
 */
export async function readPassphrase(name: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env[name]
  delete env[name]
  if (fromEnv) return fromEnv
  return process.stdin.isTTY ? promptPassphrase('Store passphrase: ') : ''
}
