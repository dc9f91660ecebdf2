import type { SaveDesignInput } from '@architech/contracts';

type Graph = Pick<SaveDesignInput, 'components' | 'connections'>;

/**
 * The components and connections of a validated save body as the user wrote them — the parsed
 * value would spell out every default — with a `properties` object always present (the column is
 * NOT NULL). A version thus reads back exactly as it was saved; whoever runs it parses it again
 * with `validateDesign`.
 */
export function writtenGraph(validatedBody: unknown): Graph {
  const written = validatedBody as Graph;
  return {
    components: written.components.map((c) => ({ ...c, properties: c.properties ?? {} })) as Graph['components'],
    connections: (written.connections ?? []).map((c) => ({ ...c, properties: c.properties ?? {} })) as Graph['connections'],
  };
}
