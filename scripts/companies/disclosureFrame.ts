import type { IDisclosureFrame } from '@credo-ts/core'

/** `['name', 'address.city']` as Credo's disclosure frame: `{ _sd: ['name'], address: { _sd: ['city'] } }`. */
export function disclosureFrame(disclosable: string[]): IDisclosureFrame {
  const frame: IDisclosureFrame = {}
  for (const claim of disclosable) {
    const parts = claim.split('.')
    let node = frame
    for (const part of parts.slice(0, -1)) {
      const next = (node[part] as IDisclosureFrame | undefined) ?? {}
      node[part] = next
      node = next
    }
    node._sd = [...(node._sd ?? []), parts[parts.length - 1]]
  }
  return frame
}
