import { CustosError } from './CustosError'

// What a person or another party handed the node: input, peers, trust lists, documents.
export class InvalidInputError extends CustosError {
  constructor(message: string) {
    super('InvalidInput', message)
  }
}

export class PeerUnreachableError extends CustosError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super('PeerUnreachable', `The other side could not be reached (${detail}). Try again when it is online.`, options)
  }
}

export class TrustListRefusedError extends CustosError {
  constructor(detail: string) {
    super('TrustListRefused', `This trust list was not imported: ${detail}. Nothing was changed.`)
  }
}

export class DocumentTooLargeError extends CustosError {
  constructor(size: number, limit: number) {
    super(
      'DocumentTooLarge',
      `The document is ${size} bytes, over this node's limit of ${limit} bytes. Nothing was stored.`,
    )
  }
}

export class DocumentMismatchError extends CustosError {
  constructor(what: string) {
    super('DocumentMismatch', `${what} does not match the SHA-256 digest signed in its credential.`)
  }
}

export class AgreementRefusedError extends CustosError {
  constructor(detail: string) {
    super('AgreementRefused', `The data agreement step was refused: ${detail}. Nothing was stored or sent.`)
  }
}
