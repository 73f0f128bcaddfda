export { SelfDeclaredApi } from './SelfDeclaredApi'
export { SelfDeclaredEventTypes, type SelfDeclaredItemChangedEvent } from './SelfDeclaredEvents'
export { SelfDeclaredModule } from './SelfDeclaredModule'
export { SelfDeclaredService, type PutSelfDeclared } from './SelfDeclaredService'
