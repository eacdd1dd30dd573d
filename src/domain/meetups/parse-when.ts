export { parseWhen } from './when/index.ts';
