import type { AgentContext } from '@credo-ts/core'

import { type CustosError, InvalidInputError } from '../../../shared/errors'

/** Where the verifier wants its answer (direct_post, direct_post.jwt), when the request names a place. */
export function responseUriOf(payload: object): string | undefined {
  return 'response_uri' in payload && typeof payload.response_uri === 'string' ? payload.response_uri : undefined
}

/** OpenID4VP's refusal, `access_denied`, posted where the answer would have gone; best effort, nothing else leaves. */
export async function sendAccessDenied(
  agentContext: AgentContext,
  payload: { state?: string } & object,
): Promise<void> {
  const responseUri = responseUriOf(payload)
  if (!responseUri) return
  const body = new URLSearchParams({ error: 'access_denied', ...(payload.state ? { state: payload.state } : {}) })
  await agentContext.config.agentDependencies
    .fetch(responseUri, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    .catch(() => undefined)
}

/** Credo checks an x509 client id only against trusted certificates; with none for it, say so in words. */
export function untrustedCertificate(error: unknown): CustosError | undefined {
  if (!(error instanceof Error) || !/trustedCertificates|trusted certificate/i.test(error.message)) return undefined
  return new InvalidInputError(
    'The verifier names itself by a certificate that nothing you trust vouches for, so Custos cannot tell who asks; the request was not answered.',
  )
}
