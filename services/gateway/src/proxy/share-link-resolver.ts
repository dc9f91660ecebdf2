import { ApiException } from '@architech/service-kit';
import { z } from 'zod';

const resolvedSchema = z.object({ linkId: z.string(), simulationId: z.string(), designId: z.string(), expiresAt: z.string() });

export type ResolvedShareLink = z.output<typeof resolvedSchema>;

/** The answer for a token that opens nothing: never issued, revoked or expired alike. */
export function shareLinkNotFound(): ApiException {
  return new ApiException(404, 'not_found', 'share link not found: it never existed, was revoked, or has expired');
}

/**
 * Asks the simulations service (which owns share links) which run a token opens. `open` counts
 * and audits the access. Not cached: a revocation takes effect on the next request. Fails closed
 * (503) when the simulations service cannot answer.
 */
export class ShareLinkResolver {
  constructor(
    private readonly simulationsUrl: string,
    private readonly internalToken: string,
    private readonly timeoutMs: number,
  ) {}

  async resolve(token: string, open: boolean, client: string): Promise<ResolvedShareLink> {
    let response: Response;
    try {
      response = await fetch(`${this.simulationsUrl.replace(/\/$/, '')}/internal/share-links/resolve`, {
        method: 'POST',
        headers: { 'x-internal-token': this.internalToken, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ token, open, client }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new ApiException(503, 'service_unavailable', `cannot check the share link with the simulations service (${(error as Error).message})`);
    }
    if (response.status === 404 || response.status === 400) throw shareLinkNotFound();
    if (!response.ok) throw new ApiException(503, 'service_unavailable', `the simulations service answered ${response.status} for the share link`);
    const parsed = resolvedSchema.safeParse(await response.json());
    if (!parsed.success) throw new ApiException(502, 'dependency_failed', 'the simulations service answered the share link without a run');
    return parsed.data;
  }
}
