import { useRef, type KeyboardEvent, type ReactNode } from 'react';

/** The tabs of the simulation page, in order; the URL's `tab` names one. */
export const SIMULATION_TABS = [
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'replay', label: 'Replay' },
  { id: 'traces', label: 'Traces' },
  { id: 'logs', label: 'Logs' },
] as const;

export type SimulationTabId = (typeof SIMULATION_TABS)[number]['id'];

/** The tab a `tab` parameter names among those `available`, else the first available one. */
export function parseTab(value: string | null, available: readonly SimulationTabId[]): SimulationTabId {
  return available.find((id) => id === value) ?? available[0] ?? 'dashboard';
}

/** Props of {@link SimulationTabs}. */
export interface SimulationTabsProps {
  readonly available: readonly SimulationTabId[];
  readonly active: SimulationTabId;
  readonly onSelect: (tab: SimulationTabId) => void;
  /** The active tab's content. */
  readonly children: ReactNode;
}

/**
 * WAI-ARIA tabs: one tab stop for the whole list, arrow keys (and Home/End) move between tabs
 * and show them, the panel is labelled by its tab.
 */
export function SimulationTabs({ available, active, onSelect, children }: SimulationTabsProps) {
  const list = useRef<HTMLDivElement>(null);
  const tabs = SIMULATION_TABS.filter((t) => available.includes(t.id));
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((t) => t.id === active);
    const next =
      event.key === 'ArrowRight' ? (index + 1) % tabs.length : event.key === 'ArrowLeft' ? (index - 1 + tabs.length) % tabs.length : event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : -1;
    if (next < 0) return;
    event.preventDefault();
    onSelect(tabs[next]!.id);
    list.current?.querySelector<HTMLButtonElement>(`#sim-tab-${tabs[next]!.id}`)?.focus();
  };
  return (
    <div className="sim-tabs">
      <div className="sim-tablist" role="tablist" aria-label="Simulation views" ref={list} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`sim-tab-${t.id}`}
            role="tab"
            aria-selected={t.id === active}
            aria-controls={`sim-panel-${t.id}`}
            tabIndex={t.id === active ? 0 : -1}
            className={t.id === active ? 'active' : undefined}
            onClick={() => onSelect(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="sim-tabpanel" role="tabpanel" id={`sim-panel-${active}`} aria-labelledby={`sim-tab-${active}`} tabIndex={0}>
        {children}
      </div>
    </div>
  );
}
