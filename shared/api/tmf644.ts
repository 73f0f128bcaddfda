// TM Forum TMF644 Privacy Management (docs/tmf644.md): a company that publishes its data list as a
// PartyPrivacyProfileSpecification on its own API. The node reads it into a data agreement beside those
// offered over DIDComm, with its position against the privacy profile, and posts the person's answer
// back as a PartyPrivacyProfile and a PartyPrivacyAgreement.
import { z } from 'zod'

import type { DataAgreement } from './agreements'
import { idSchema } from './common'
import { method } from './contract'

export const tmf644Contract = {
  /** Reads the company's specification from its TMF644 base address; kept as an offer with its position. */
  'tmf644.fetchSpecification': method<DataAgreement>()(
    z.object({ baseUrl: z.string().trim().min(1).max(500) }).strict(),
  ),
  /**
   * Posts the person's answer to an offer read through TMF644: the offer as it stands, or (counter) what
   * the privacy profile allows of it. The company's answer to the agreement decides agreed or rejected.
   */
  'tmf644.agree': method<DataAgreement>()(z.object({ id: idSchema, counter: z.boolean() }).strict()),
  /** Declines an offer read through TMF644. TMF644 has no refusal to post, so the company is not told. */
  'tmf644.reject': method<DataAgreement>()(
    z.object({ id: idSchema, reason: z.string().trim().min(1).max(300).optional() }).strict(),
  ),
}
