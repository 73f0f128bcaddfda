import crypto from 'node:crypto'

/**
 * Ed25519 private keys for the demo, derived from a name: the demo trust list and the companies it
 * lists must agree on their did:keys across runs. Never for anything but sample companies.
 */
export function demoPrivateKey(name: string): Buffer {
  return crypto.createHash('sha256').update(`custos demo key: ${name}`).digest()
}
