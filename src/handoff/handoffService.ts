export { firstName, HandoffService, type HandoffServiceDependencies, type HandoffSettings } from './residentQueue';
