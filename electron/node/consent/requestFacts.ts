/** What evaluation needs to know of a proof request; gathered from Credo's records, or given by "try it". */
export interface RequestFacts {
  /** The connection it came through; identity is this connection's keys, never the label it gave. */
  connectionId?: string
  /** Roles the imported trust lists give a DID whose key speaks for that connection. */
  roles: string[]
  /** DPV purpose ids the requester stated; empty when it stated none the vocabulary knows. */
  purposes: string[]
  /** The retention the requester stated, as an ISO 8601 duration, if it did. */
  retention?: string
  /** Who else the requester says receives the data, and whether it profiles (for the privacy profile). */
  thirdParties?: string[]
  profiling?: boolean
  /** The data agreement the request names; anything beyond it is refused. */
  agreementId?: string
  /** Per input descriptor: the types of the credential that would answer it and every claim that would leave. */
  items: FactItem[]
  at: string
}

export interface FactItem {
  descriptorId: string
  types: string[]
  claims: string[]
  /** Whether the node holds a credential that answers it. */
  held: boolean
  /** The request lets the person leave this item out. */
  optional?: boolean
  credentialId?: string
}
