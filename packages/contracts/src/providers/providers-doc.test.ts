import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCatalogueTable, renderPriceTable } from './catalogue-docs';
import { PROVIDERS } from './provider-ref.schema';

describe('docs/providers.md', () => {
  const doc = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'providers.md'), 'utf8');

  it.each(PROVIDERS)('shows the catalogue and the list prices of %s as the data has them', (provider) => {
    expect(doc).toContain(renderCatalogueTable(provider));
    expect(doc).toContain(renderPriceTable(provider));
  });
});
