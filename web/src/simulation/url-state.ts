import { navigate } from '../app/router';
import { withParams, type ParamPatch } from './query-patch';
import { secondsParam } from './sim-time';

/**
 * Changes query parameters of the current page, keeping the others. A new history entry by
 * default, so Back undoes a zoom or a tab change; `replace` for continuous changes (typing,
 * scrubbing) that should not flood the history.
 */
export function setParams(patch: ParamPatch, options: { replace?: boolean } = {}): void {
  navigate(window.location.pathname + withParams(window.location.search, patch), options);
}

/** Opens a tab of the simulation page at a simulated time ("replay at this moment", "show on dashboard"). */
export function openAtMoment(tab: 'dashboard' | 'replay', sec: number, extra: ParamPatch = {}): void {
  setParams({ ...extra, tab, t: secondsParam(sec) });
}
