import type { Issuer, Lender } from '../../companies'

export interface Issuers {
  registry: Issuer
  employer: Issuer
}

/** A holder a lender asks: the Custos node under test, or the plain Credo agent of the baseline. */
export interface BenchHolder {
  /** Connects the lender (the node also gets the standing policy for it); the lender's connection id. */
  admit(lender: Lender): Promise<string>
  stop(): Promise<void>
}
