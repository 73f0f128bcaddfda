import { type Askar, registerAskar } from '@openwallet-foundation/askar-shared'

import { KoffiAskarCrypto } from './crypto'

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

// Credo 0.5.19's AskarModule only reads version() from ariesAskar; its wallet and storage use
// askar-shared's Store/Session/Key classes, which call whatever was registered here. The npm
// wrappers register themselves on import; this binding must do the same (it loads nothing yet).
registerAskar({ askar })
