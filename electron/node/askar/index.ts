import { type Askar, registerAskar } from '@openwallet-foundation/askar-shared'

import { KoffiAskarCrypto } from './crypto'
import { useAskarBinding } from './register'

export { askarLibraryCandidates, askarLibraryPath, ASKAR_LIB_ENV } from './locate'

/**
 * The Askar interface of @openwallet-foundation/askar-shared on koffi, which copies what the
 * library returns instead of wrapping its memory in external buffers (forbidden inside Electron).
 * The areas are layered base → stores → sessions → entries → keys → crypto; this class only
 * asserts that together they are the whole interface.
 */
export class KoffiAskar extends KoffiAskarCrypto implements Askar {}

/**
 * The node's Askar. The library is loaded on first call, so importing this never throws. Give it
 * to Credo as `new AskarModule({ ariesAskar: askar })`.
 */
export const askar: Askar = new KoffiAskar()

// askar-shared's Store/Session/Key classes call whatever was registered; the npm wrappers register
// themselves on import, and so does this binding (it loads nothing yet). ./register, imported first by
// every entry, registered a forwarder for the ES modules (Credo's) that read the registration only once.
registerAskar({ askar })
useAskarBinding(askar)
