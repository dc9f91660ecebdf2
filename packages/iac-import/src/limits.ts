/** Limits of an infrastructure import, defined once in the contracts (the API's request schema uses them too). */
export { IMPORT_LIMITS } from '@architech/contracts';
