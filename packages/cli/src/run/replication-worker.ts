/*
 * Worker thread entry of the replication pool (`architech simulate --threads N`): runs the
 * replications the simulation worker hands it, one at a time.
 */
import { parentPort } from 'node:worker_threads';
import { nodeEnginePort, serveReplications } from '@architech/sim-engine';

serveReplications(nodeEnginePort(parentPort!));
