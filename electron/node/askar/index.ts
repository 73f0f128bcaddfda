// TEMPORARY: until the koffi binding lands this re-exports the reference ffi-napi wrapper.
export { askar } from '@openwallet-foundation/askar-nodejs'
