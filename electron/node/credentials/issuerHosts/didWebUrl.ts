import { IssuerHostError } from './fetchFromIssuerHost'

/**
 * Where a did:web's document lives (did:web method spec §3.2): `did:web:host%3Aport` at
 * https://host:port/.well-known/did.json, `did:web:host:a:b` at https://host/a/b/did.json. The host part
 * must stay a host: a DID whose decoded parts would smuggle in a path, user or query is refused.
 */
export function didWebUrl(did: string): URL {
  const [, method, ...parts] = did.split(':')
  if (method !== 'web' || parts.length === 0 || parts.some((part) => part.length === 0)) {
    throw new IssuerHostError(`${did} is not a did:web`)
  }
  const [hostPart, ...pathParts] = parts.map((part) => decodeURIComponent(part))
  if (!/^[a-z0-9.-]+(:\d{1,5})?$/i.test(hostPart) || pathParts.some((part) => /[/?#\\]|^\.\.?$/.test(part))) {
    throw new IssuerHostError(`${did} does not name a host and path a document could be fetched from`)
  }
  const path =
    pathParts.length > 0 ? `/${pathParts.map(encodeURIComponent).join('/')}/did.json` : '/.well-known/did.json'
  const url = new URL(`https://${hostPart}${path}`)
  if (url.host !== hostPart.toLowerCase().replace(/:443$/, '')) {
    throw new IssuerHostError(`${did} does not name a host a document could be fetched from`)
  }
  return url
}
