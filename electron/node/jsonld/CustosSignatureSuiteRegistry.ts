import {
  Ed25519Signature2020,
  injectable,
  injectAll,
  SignatureSuiteRegistry,
  SignatureSuiteToken,
  type SuiteInfo,
} from '@credo-ts/core'

import { Ed25519Signature2020AnyEncoding } from './Ed25519Signature2020AnyEncoding'

/**
 * Credo's suite registry with Credo's Ed25519Signature2020 class swapped for the one that also takes a
 * did:key's 2018 encoding. Swapped in place, not added: Credo picks the first suite registered for a
 * key type (the holder's VP proof type), so that order must stay Credo's (Ed25519Signature2018 first).
 */
@injectable()
export class CustosSignatureSuiteRegistry extends SignatureSuiteRegistry {
  constructor(@injectAll(SignatureSuiteToken) suites: Array<SuiteInfo | 'default'>) {
    super(
      suites.map((suite) =>
        suite !== 'default' && suite.suiteClass === Ed25519Signature2020
          ? { ...suite, suiteClass: Ed25519Signature2020AnyEncoding }
          : suite,
      ),
    )
  }
}
