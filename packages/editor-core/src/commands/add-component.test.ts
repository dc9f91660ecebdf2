import { catalogueComponent, validateDesign } from '@architech/contracts';
import { EditorStore } from '../editor-store';
import { sequentialIds } from '../ids';
import { addComponent } from './add-component';

describe('adding a component from a provider catalogue', () => {
  it('takes the entry’s properties, name and id prefix, and the result validates as a design', () => {
    const store = new EditorStore({ env: { createId: sequentialIds() } });
    store.dispatch(addComponent({ type: 'DATABASE', position: { x: 40, y: 60 }, properties: catalogueComponent('aws.rds-postgres'), name: 'Amazon RDS for PostgreSQL', idPrefix: 'rds-postgres' }));
    const [added] = store.getState().doc.components;
    expect(added).toMatchObject({ id: 'rds-postgres-1', type: 'DATABASE', name: 'Amazon RDS for PostgreSQL', position: { x: 40, y: 60 }, properties: { provider: { provider: 'aws', service: 'rds-postgres' } } });
    expect(validateDesign({ components: store.getState().doc.components, connections: [] }).ok).toBe(true);
  });

  it('keeps the type’s defaults without properties', () => {
    const store = new EditorStore({ env: { createId: sequentialIds() } });
    store.dispatch(addComponent({ type: 'SERVICE', position: { x: 0, y: 0 } }));
    expect(store.getState().doc.components[0]).toMatchObject({ id: 'service-1', properties: { replicas: 1, workers: 1 } });
  });
});
