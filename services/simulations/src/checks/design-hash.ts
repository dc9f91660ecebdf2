import { createHash } from 'node:crypto';
import type { DesignVersionDto } from '@architech/contracts';

/** sha256 of the version's graph (components and connections as stored): evidence names exactly what it checked. */
export function designHash(version: Pick<DesignVersionDto, 'components' | 'connections'>): string {
  return `sha256:${createHash('sha256').update(JSON.stringify({ components: version.components, connections: version.connections })).digest('hex')}`;
}
