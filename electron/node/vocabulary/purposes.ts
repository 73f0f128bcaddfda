import fs from 'node:fs'
import path from 'node:path'

import type { DpvPurpose } from '../../../shared/api'
import { findResource } from '../platform/resources'

/** The purposes a policy and a request speak of: a bundled subset of W3C DPV, with its broader/narrower links. */
export class PurposeVocabulary {
  private readonly byId: Map<string, DpvPurpose>

  constructor(readonly purposes: DpvPurpose[]) {
    this.byId = new Map(purposes.map((purpose) => [purpose.id, purpose]))
  }

  has(id: string): boolean {
    return this.byId.has(id)
  }

  /** A purpose covers itself and every narrower one: consent to credit checking covers no marketing. */
  covers(policyPurpose: string, requestPurpose: string): boolean {
    for (let id: string | undefined = requestPurpose, depth = 0; id && depth < 20; depth++) {
      if (id === policyPurpose) return true
      id = this.byId.get(id)?.broader
    }
    return false
  }

  /** The DPV id a stated purpose names, by id or by label (case and spacing ignored). */
  lookup(stated: string): string | undefined {
    const key = normalise(stated)
    return this.purposes.find((purpose) => normalise(purpose.id) === key || normalise(purpose.label) === key)?.id
  }
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, '')
}

let bundled: PurposeVocabulary | undefined

export function dpvPurposes(): PurposeVocabulary {
  if (!bundled) {
    const file = findResource(path.join('dpv', 'purposes.json'))
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { purposes: DpvPurpose[] }
    bundled = new PurposeVocabulary(parsed.purposes)
  }
  return bundled
}
