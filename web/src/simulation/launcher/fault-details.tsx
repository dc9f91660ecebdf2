import type { FaultType } from '@architech/contracts';
import { FAULT_PARAMETER, faultTypesFor, type DraftFault, type FaultTarget } from './fault-model';

/** Exact values of the selected fault: type, window and its parameter. */
export function FaultDetails({ fault, index, target, issueAt, onChange, onRemove }: { fault: DraftFault; index: number; target: FaultTarget | undefined; issueAt: (path: string) => string | undefined; onChange: (f: DraftFault) => void; onRemove: () => void }) {
  const name = (key: string) => `faults[${index}].${key}`;
  const invalid = (key: string) => (issueAt(name(key)) ? { 'aria-invalid': true as const } : {});
  const parameter = FAULT_PARAMETER[fault.type];
  const value = parameter ? (fault as unknown as Record<string, number | undefined>)[parameter.name] : undefined;
  const number = (raw: string): number | undefined => (raw.trim() === '' ? undefined : Number(raw));
  const setType = (type: FaultType) => {
    const next = FAULT_PARAMETER[type];
    const { key, target: t, startSec, durationSec } = fault;
    onChange({ key, target: t, startSec, durationSec, type, ...(next && type !== 'crash' ? { [next.name]: next.default } : {}) } as DraftFault);
  };
  return (
    <fieldset className="fault-details" aria-label="Selected fault">
      <legend>
        Fault on <strong>{target?.label ?? fault.target}</strong>
      </legend>
      <label>
        Type
        <select value={fault.type} onChange={(e) => setType(e.target.value as FaultType)}>
          {(target ? faultTypesFor(target) : [fault.type]).map((t) => (
            <option key={t} value={t}>
              {t.replace('_', ' ')}
            </option>
          ))}
        </select>
      </label>
      <label>
        Starts at (s)
        <input type="number" min={0} step="any" name={name('startSec')} {...invalid('startSec')} value={fault.startSec} onChange={(e) => onChange({ ...fault, startSec: number(e.target.value) ?? 0 })} />
      </label>
      <label>
        Lasts (s)
        <input type="number" min={1} step="any" name={name('durationSec')} {...invalid('durationSec')} placeholder="until the end" value={fault.durationSec ?? ''} onChange={(e) => onChange({ ...fault, durationSec: number(e.target.value) } as DraftFault)} />
      </label>
      {parameter && (
        <label>
          {parameter.label}
          <input
            type="number"
            min={parameter.min}
            max={parameter.max}
            step="any"
            name={name(parameter.name)}
            {...invalid(parameter.name)}
            value={value ?? ''}
            onChange={(e) => onChange({ ...fault, [parameter.name]: number(e.target.value) } as DraftFault)}
          />
        </label>
      )}
      <button type="button" className="danger" onClick={onRemove}>
        Remove fault
      </button>
    </fieldset>
  );
}
