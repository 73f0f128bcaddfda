import { DidCommProblemReportError, DidCommCredentialV2ProblemReportMessage } from '@credo-ts/didcomm'

import { isCustosError, type CustosErrorCode } from '../../../shared/errors'

/**
 * What the node refuses of an issuer (an offer or a credential). Thrown from the format service,
 * Credo's dispatcher answers it with this issue-credential v2 problem report on the same thread;
 * Credo's own DidCommProblemReportError would send a generic report the issuer's protocol does not handle.
 */
export class CredentialRefusal extends DidCommProblemReportError {
  constructor(
    reason: string,
    code = 'issuance-abandoned',
    /** What the person's side sees (acceptOffer's error); CredentialRefused unless more precise. */
    readonly custosCode: CustosErrorCode = 'CredentialRefused',
  ) {
    super(reason, { problemCode: code })
    this.problemReport = new DidCommCredentialV2ProblemReportMessage({ description: { en: reason, code } })
  }
}

/** Runs `task`; anything it throws becomes a refusal the issuer hears about. */
export async function refuseOnError<T>(what: string, task: () => Promise<T>): Promise<T> {
  try {
    return await task()
  } catch (error) {
    if (error instanceof CredentialRefusal) throw error
    if (isCustosError(error)) {
      throw new CredentialRefusal(`${what}: ${error.message}`.slice(0, 500), undefined, error.code)
    }
    throw new CredentialRefusal(`${what}: ${(error as Error).message}`.slice(0, 500))
  }
}
