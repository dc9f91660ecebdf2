/**
 * @architech/iac-import — infrastructure as code (docker-compose, Kubernetes, Terraform,
 * CloudFormation) into runnable designs, and chaos experiments (Chaos Mesh, Litmus, AWS FIS) into
 * fault scenarios. Pure: no file system, no network; callers hand in file contents. Terraform's HCL
 * parser is injected (`@architech/iac-import/hcl` provides HashiCorp's, compiled to WebAssembly).
 * docs/import.md describes the mapping, the defaults and the limits.
 */
export { importInfrastructure } from './import';
export { detectFormat, detectCommonFormat } from './detect';
export { ImportFailure, HclSyntaxError } from './errors';
export { IMPORT_DEFAULTS } from './defaults';
export { IMPORT_LIMITS } from './limits';
export { COMPLEXITY_RULE, complexityOf } from './build-design';
export { IAC_FORMATS } from './types';
export type {
  SourceFile, IacFormat, Assumption, ImportNote, ConnectionEvidence, ImportMetadata, ImportResult, ImportOptions, HclParser,
  Complexity, FaultImportResult,
} from './types';
export { importFaults, FAULT_IMPORT_DEFAULTS } from './chaos/chaos';
