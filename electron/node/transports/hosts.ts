/**
 * The Host headers a loopback listener answers: its address under the names a local agent may use, and
 * the public URL's host when one is set. A browser tricked by DNS rebinding sends the attacker's name.
 */
export function acceptedHosts(address: string, port: number, publicUrl?: string): Set<string> {
  const hosts = new Set([address, `127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`])
  if (publicUrl) hosts.add(new URL(publicUrl).host)
  return new Set([...hosts].map((host) => host.toLowerCase()))
}
