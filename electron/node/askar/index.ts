import type { Askar } from '@openwallet-foundation/askar-shared'

import { KoffiAskar } from './KoffiAskar'

export { KoffiAskar } from './KoffiAskar'
export { askarLibraryCandidates, askarLibraryPath, ASKAR_LIB_ENV } from './locate'

/**
 * The node's Askar. The library is loaded on first call, so importing this never throws; give it
 * to Credo as `new AskarModule({ ariesAskar: askar })`, which registers it with askar-shared.
 */
export const askar: Askar = new KoffiAskar()
