/** The simulations service's migrations, in order (public so tests can run them on a real Postgres). */
import { CreateSimulations1763860000000 } from './1763860000000-create-simulations';
import { QueuePosition1763860000001 } from './1763860000001-queue-position';
import { TelemetryComplete1765000000000 } from './1765000000000-telemetry-complete';
import { CheckRuns1766100000000 } from './1766100000000-check-runs';
import { CreateAnalyses1766000000000 } from './1766000000000-create-analyses';
import { TelemetryExpired1767000000000 } from './1767000000000-telemetry-expired';
import { RunCost1768000000000 } from './1768000000000-run-cost';
import { Deliverables1768100000000 } from './1768100000000-deliverables';
import { ShareLinks1768300000000 } from './1768300000000-share-links';

export const MIGRATIONS = [CreateSimulations1763860000000, QueuePosition1763860000001, TelemetryComplete1765000000000, CreateAnalyses1766000000000, CheckRuns1766100000000, TelemetryExpired1767000000000, RunCost1768000000000, Deliverables1768100000000, ShareLinks1768300000000];
