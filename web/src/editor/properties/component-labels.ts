import type { ComponentType } from '@architech/contracts';

/** What each component type is called in the panel, singular and plural. */
export const COMPONENT_LABELS: Readonly<Record<ComponentType, { readonly one: string; readonly many: string }>> = {
  CLIENT: { one: 'Client', many: 'clients' },
  LOAD_BALANCER: { one: 'Load balancer', many: 'load balancers' },
  SERVICE: { one: 'Service', many: 'services' },
  DATABASE: { one: 'Database', many: 'databases' },
  CACHE: { one: 'Cache', many: 'caches' },
  QUEUE: { one: 'Queue', many: 'queues' },
};

/** `3 components` / `1 connection`: a count with its noun. */
export function counted(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
