export { createApi } from './createApi'
export { isApiMethod, validateInput } from './validateInput'
