/**
 * Everything readable in an answer as it crossed the wire: the body itself and every base64url segment of
 * the SD-JWTs in it (issuer JWT, disclosures, key binding JWT) decoded, so a claim value that left in any
 * form is found by a plain text search.
 */
export function readableWire(bodies: Record<string, unknown>[]): string {
  const text = bodies.map((body) => JSON.stringify(body)).join('\n')
  const decoded = text
    .split(/[^A-Za-z0-9_-]+/)
    .filter((segment) => segment.length >= 8)
    .map((segment) => Buffer.from(segment, 'base64url').toString('utf8'))
  return [text, ...decoded].join('\n')
}
