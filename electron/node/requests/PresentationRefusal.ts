import { ProblemReportError, V2PresentationProblemReportMessage } from '@credo-ts/core'

/** A proof request the node cannot take: answered with a present-proof v2 problem report on its thread. */
export class PresentationRefusal extends ProblemReportError {
  constructor(reason: string, code = 'abandoned') {
    super(reason, { problemCode: code })
    this.problemReport = new V2PresentationProblemReportMessage({ description: { en: reason, code } })
  }
}
