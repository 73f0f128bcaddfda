import type { Askar } from '@openwallet-foundation/askar-shared'

import { KoffiAskarCrypto } from './crypto'

/**
 * The Askar interface of @openwallet-foundation/askar-shared on koffi, which copies what the
 * library returns instead of wrapping its memory in external buffers (forbidden inside Electron).
 * The areas are layered base → stores → sessions → entries → keys → crypto; this class only
 * asserts that together they are the whole interface.
 */
export class KoffiAskar extends KoffiAskarCrypto implements Askar {}
