import { DidCommProblemReportError, DidCommPresentationV2ProblemReportMessage } from '@credo-ts/didcomm'

/** A proof request the node cannot take: answered with a present-proof v2 problem report on its thread. */
export class PresentationRefusal extends DidCommProblemReportError {
  constructor(reason: string, code = 'abandoned') {
    super(reason, { problemCode: code })
    this.problemReport = new DidCommPresentationV2ProblemReportMessage({ description: { en: reason, code } })
  }
}
