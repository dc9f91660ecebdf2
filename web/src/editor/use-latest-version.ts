import { useEffect, useState } from 'react';
import type { DesignVersionSummaryDto } from '@architech/contracts';
import { api } from '../api/endpoints';

/**
 * The newest version of the lineage of version `baseId`, once known (undefined while loading, or
 * when the list cannot be read): an old version's address opens it as it was, and the editor says
 * when a newer one exists.
 */
export function useLatestVersion(baseId: string | undefined): DesignVersionSummaryDto | undefined {
  const [latest, setLatest] = useState<DesignVersionSummaryDto>();
  useEffect(() => {
    setLatest(undefined);
    if (!baseId) return;
    const controller = new AbortController();
    api
      .listVersions(baseId)
      .then((list) => {
        if (controller.signal.aborted) return;
        const newest = [...list.versions].sort((a, b) => b.version - a.version)[0];
        setLatest(newest);
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [baseId]);
  return latest;
}
