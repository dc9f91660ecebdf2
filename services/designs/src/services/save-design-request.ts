import type { PipeTransform } from '@nestjs/common';
import { saveDesignSchema, type SaveDesignInput } from '@architech/contracts';
import { parseInput } from '@architech/service-kit';

type Graph = Pick<SaveDesignInput, 'components' | 'connections'>;

/**
 * A save request read once, at the edge: `input` is the body parsed by `saveDesignSchema` (400
 * naming the field otherwise), `written` its graph as the user wrote it. The parsed graph spells
 * out every default; the written one is what is stored, so a version reads back exactly as it was
 * saved (docs/architecture.md, "The design format"). The body passed the strict schema, so the
 * written graph holds nothing the schema did not accept; whoever runs a version parses it again
 * with `validateDesign`.
 */
export interface SaveDesignRequest {
  input: SaveDesignInput;
  written: Graph;
}

/** Reads a save body (the request's, or an import's generated design) into a {@link SaveDesignRequest}. */
export function readSaveDesignRequest(body: unknown): SaveDesignRequest {
  const input = parseInput(saveDesignSchema, body, 'design');
  const written = body as Graph;
  return {
    input,
    // `properties` always present: the column is NOT NULL.
    written: {
      components: written.components.map((c) => ({ ...c, properties: c.properties ?? {} })) as Graph['components'],
      connections: (written.connections ?? []).map((c) => ({ ...c, properties: c.properties ?? {} })) as Graph['connections'],
    },
  };
}

/** The pipe of `POST /api/projects/:projectId/designs`: the body to a {@link SaveDesignRequest}. */
export const SaveDesignPipe: PipeTransform<unknown, SaveDesignRequest> = { transform: readSaveDesignRequest };
