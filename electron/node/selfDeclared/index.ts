export { SelfDeclaredService, type PutSelfDeclared } from './SelfDeclaredService'
