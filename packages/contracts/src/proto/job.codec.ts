import type { JsonObject } from '@bufbuild/protobuf';
import { timestampDate, timestampNow } from '@bufbuild/protobuf/wkt';
import { validateDesign } from '../design-validation';
import type { Design } from '../design.schema';
import type { ValidationIssue } from '../issues';
import { validateSimulationConfig } from '../simulation-config-validation';
import type { SimulationConfig } from '../simulation-config.schema';
import { SimulationJobSchema } from './architech/v1/simulation_job_pb';
import { decodeWire, encodeWire, InvalidField, required } from './wire';

/** A request to run one design version under one configuration (`BUS_TOPICS.simulationJobs`). */
export interface SimulationJobMessage {
  simulationId: string;
  designVersionId: string;
  userId: string;
  /** The validated design (weights as written; `resolveDesign` before the engine). */
  design: Design;
  /** The validated configuration, defaults applied. */
  configuration: SimulationConfig;
  /** When the job was published (set by {@link encodeSimulationJob}). */
  requestedAt?: Date;
  /** W3C trace context of the request that started the job (`traceparent`, `tracestate`). */
  traceContext: Record<string, string>;
}

/** Plain JSON of a validated document (a Struct holds no `undefined`). */
const asStruct = (value: object): JsonObject => JSON.parse(JSON.stringify(value)) as JsonObject;

const describe = (issues: readonly ValidationIssue[]) => issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ');

/**
 * Encodes a job for the bus: protobuf binary with the design and configuration as Structs.
 *
 * @throws BusMessageError when `simulationId` is empty.
 */
export function encodeSimulationJob(job: SimulationJobMessage): Uint8Array {
  return encodeWire(SimulationJobSchema, {
    simulationId: job.simulationId,
    designVersionId: job.designVersionId,
    userId: job.userId,
    design: asStruct(job.design),
    configuration: asStruct(job.configuration),
    requestedAt: timestampNow(),
    traceContext: job.traceContext,
  });
}

/**
 * Decodes a job and validates it as the API did before publishing it: the design
 * (`validateDesign`) and the configuration against that design (`validateSimulationConfig`).
 *
 * @throws BusMessageError naming the first failing field, for bytes that are not a job, a job
 *   without ids, or a design or configuration that does not validate.
 */
export function decodeSimulationJob(bytes: Uint8Array): SimulationJobMessage {
  return decodeWire(SimulationJobSchema, bytes, (job) => {
    const designVersionId = required('design_version_id', job.designVersionId);
    if (!job.design) throw new InvalidField('design', 'is missing');
    if (!job.configuration) throw new InvalidField('configuration', 'is missing');
    const design = validateDesign(job.design);
    if (!design.ok) throw new InvalidField('design', `does not validate: ${describe(design.issues)}`);
    const configuration = validateSimulationConfig(job.configuration, design.value);
    if (!configuration.ok) throw new InvalidField('configuration', `does not validate: ${describe(configuration.issues)}`);
    return {
      simulationId: job.simulationId,
      designVersionId,
      userId: job.userId,
      design: design.value,
      configuration: configuration.value,
      ...(job.requestedAt ? { requestedAt: timestampDate(job.requestedAt) } : {}),
      traceContext: { ...job.traceContext },
    };
  });
}
