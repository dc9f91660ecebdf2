import { matchSharedRequest } from './shared-routes';

const TOKEN = 'a'.repeat(43);
const RUN = { simulationId: '11111111-1111-4111-8111-111111111111', designId: '22222222-2222-4222-8222-222222222222' };

describe('matchSharedRequest', () => {
  it('leaves every other path to the route table', () => {
    expect(matchSharedRequest('GET', '/api/simulations/x')).toBeUndefined();
    expect(matchSharedRequest('GET', '/api/sharedx')).toBeUndefined();
  });

  it('maps the allowed reads onto internal routes of the resolved run only; only the run itself is an opening', () => {
    const served = (method: string, path: string) => {
      const shared = matchSharedRequest(method, path)!;
      return { open: shared.open, ...shared.route!(RUN) };
    };
    expect(served('GET', `/api/shared/${TOKEN}`)).toEqual({ open: true, service: 'simulations', path: `/internal/shared-runs/${RUN.simulationId}` });
    expect(served('GET', `/api/shared/${TOKEN}/design`)).toEqual({ open: false, service: 'designs', path: `/internal/designs/${RUN.designId}` });
    for (const what of ['metrics', 'traces', 'logs']) expect(served('GET', `/api/shared/${TOKEN}/${what}`)).toEqual({ open: false, service: 'telemetry', path: `/internal/simulations/${RUN.simulationId}/${what}` });
    expect(served('POST', `/api/shared/${TOKEN}/traces/batch`).path).toBe(`/internal/simulations/${RUN.simulationId}/traces/batch`);
    expect(served('POST', `/api/shared/${TOKEN}/metrics/batch`)).toEqual({ open: false, service: 'telemetry', path: `/internal/simulations/${RUN.simulationId}/metrics/batch` });
    expect(served('GET', `/api/shared/${TOKEN}/traces/${'f'.repeat(32)}`).path).toBe(`/internal/simulations/${RUN.simulationId}/traces/${'f'.repeat(32)}`);
    expect(served('GET', `/api/shared/${TOKEN}/deliverables`).path).toBe(`/internal/shared-runs/${RUN.simulationId}/deliverables`);
  });

  it('grants nothing else: writes, other runs, path tricks', () => {
    for (const [method, rest] of [
      ['DELETE', ''],
      ['POST', ''],
      ['PUT', '/design'],
      ['POST', '/metrics'],
      ['GET', '/traces/batch/x'],
      ['GET', '/metrics/batch'],
      ['POST', '/logs/batch'],
      ['POST', '/metrics/batch/x'],
      ['GET', `/simulations/${RUN.simulationId}`],
      ['GET', '/traces/..%2F..%2Fsimulations'],
      ['GET', '/events'],
      ['GET', '/share-links'],
      ['GET', '/'],
    ]) {
      const shared = matchSharedRequest(method!, `/api/shared/${TOKEN}${rest}`);
      expect([method, rest, shared?.route]).toEqual([method, rest, undefined]);
    }
    expect(matchSharedRequest('GET', '/api/shared/')).toEqual({ token: '', open: false });
  });
});
