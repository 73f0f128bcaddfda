import { AgreementRefusedError, InvalidInputError, isCustosError, PeerUnreachableError } from '../../../shared/errors'
import { checkEndpoint } from '../openid4vc'

/** A company's answer is a data list or a created resource: a few KiB. More is not read. */
export const ANSWER_LIMIT = 256 * 1024
const TIMEOUT_MS = 15_000

/**
 * The company's TMF644 base address (…/tmf-api/privacyManagement/v4): https, or http on this machine only,
 * as for OpenID4VC endpoints; no credentials, query or fragment, since resource paths are appended to it.
 */
export function companyBase(input: string): string {
  checkEndpoint('company’s TMF644 address', input)
  const url = new URL(input)
  if (url.username || url.password || url.search || url.hash) {
    throw new InvalidInputError('A TMF644 address carries no user name, password, query or fragment.')
  }
  return url.href.replace(/\/+$/, '')
}

export interface TmfAnswer {
  status: number
  body: unknown
}

/**
 * One request to the company's own API. Redirects are refused (an answer from elsewhere is not the
 * company's), the answer is read up to ANSWER_LIMIT bytes and must be JSON.
 */
export async function tmfRequest(url: string, body?: unknown): Promise<TmfAnswer> {
  let response: Response
  try {
    response = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json;charset=utf-8' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch (error) {
    throw new PeerUnreachableError(`${new URL(url).host} did not answer`, { cause: error })
  }
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel()
    throw new AgreementRefusedError(
      `the company’s API sent Custos elsewhere (${response.status}); it follows no redirect`,
    )
  }
  let text: string
  try {
    text = await readLimited(response)
  } catch (error) {
    if (isCustosError(error)) throw error
    throw new PeerUnreachableError(`${new URL(url).host} broke off its answer`, { cause: error })
  }
  if (response.status >= 500) throw new PeerUnreachableError(`${new URL(url).host} answered ${response.status}`)
  try {
    return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) }
  } catch {
    throw new AgreementRefusedError(`the company’s answer (${response.status}) is not JSON`)
  }
}

async function readLimited(response: Response): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? 0)
  if (declared > ANSWER_LIMIT) {
    await response.body?.cancel()
    throw new AgreementRefusedError(`the company’s answer is larger than ${ANSWER_LIMIT / 1024} KiB`)
  }
  if (!response.body) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > ANSWER_LIMIT) {
      await reader.cancel()
      throw new AgreementRefusedError(`the company’s answer is larger than ${ANSWER_LIMIT / 1024} KiB`)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}
