/**
 * The traffic equations of a design (offered rate per component) live in the engine package, where
 * the design review and the refine loop use them too; the preview reads them from there.
 */
export { expectedArrivalRates } from '@architech/sim-engine';
