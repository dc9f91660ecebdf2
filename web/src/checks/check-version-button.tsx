import { useState } from 'react';
import { checksApi } from '../api/checks';
import { describeError } from '../api/api-error';
import { navigate } from '../app/router';
import { toast } from '../ui/toasts';

/** "Check this version": starts a check run of every requirement of the project on the saved version, then shows it. */
export function CheckVersionButton({ projectId, versionId, version, dirty }: { projectId: string; versionId: string; version: number; dirty: boolean }) {
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    try {
      const run = await checksApi.check(versionId);
      toast(`Checking v${version} against the project's requirements…`);
      navigate(`/projects/${projectId}/requirements?checkRun=${run.id}`);
    } catch (e) {
      toast(describeError(e), 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <button onClick={() => void start()} disabled={busy} title={dirty ? `Checks the saved v${version}; unsaved changes are not included` : `Check v${version} against every requirement of the project`}>
      {busy ? 'Starting…' : '✓ Check this version'}
    </button>
  );
}
