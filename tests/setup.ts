import 'reflect-metadata'

// Before any test imports Credo: @credo-ts/askar keeps the Askar binding it finds when first evaluated.
import '../electron/node/askar/register'
