import { useState } from 'react';
import type { DesignInput, Fault } from '@architech/contracts';
import { importFaults, ImportFailure, type FaultImportResult } from '@architech/iac-import';

/**
 * "Predict this experiment": loads a Chaos Mesh, Litmus or AWS FIS experiment into the fault
 * timeline (docs/import.md), targets matched to this design's components, and says what it assumed
 * and what it could not express. Parsed in the browser: the experiment never leaves it.
 */
export function ExperimentImport({ design, onImport }: { design: DesignInput; onImport: (faults: Fault[], durationSec: number) => void }) {
  const [result, setResult] = useState<FaultImportResult>();
  const [error, setError] = useState<string>();
  const load = async (file: File) => {
    setError(undefined);
    setResult(undefined);
    try {
      const imported = importFaults({ path: file.name, text: await file.text() }, design);
      setResult(imported);
      onImport([...imported.faults], imported.suggestedDurationSec);
    } catch (e) {
      setError(e instanceof ImportFailure ? e.message : String(e));
    }
  };
  return (
    <div className="stack experiment-import">
      <label className="button-like">
        Predict an experiment…
        <input type="file" accept=".yml,.yaml,.json" aria-label="Chaos experiment file" hidden onChange={(e) => e.target.files?.[0] && void load(e.target.files[0])} />
      </label>
      {error && (
        <div className="alert error small" role="alert">
          {error}
        </div>
      )}
      {result && (
        <div className="alert info small" role="status" aria-label="Imported experiment">
          <strong>
            {result.source}: {result.faults.length} fault{result.faults.length === 1 ? '' : 's'} on the timeline, run {result.suggestedDurationSec} s
          </strong>
          <ul>
            {result.assumptions.map((a, i) => (
              <li key={`a${i}`}>
                {a.message} <span className="muted">({a.file}:{a.line})</span>
              </li>
            ))}
            {result.unsupported.map((u, i) => (
              <li key={`u${i}`}>
                Not expressible: {u.resource}: {u.message} <span className="muted">({u.file}:{u.line})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
