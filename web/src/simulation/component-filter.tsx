/** A component of the design, as filters list it. */
export interface FilterableComponent {
  readonly id: string;
  readonly name?: string;
}

/** The "Component" filter of the traces and logs tabs: any, or one component of the design. */
export function ComponentFilter({ value, components, onChange }: { value: string | undefined; components: readonly FilterableComponent[]; onChange: (id: string | undefined) => void }) {
  return (
    <label>
      Component
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">any</option>
        {components.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name || c.id}
          </option>
        ))}
      </select>
    </label>
  );
}
