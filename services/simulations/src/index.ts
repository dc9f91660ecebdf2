export { createSimulationsApp } from './create-app';
export { loadSimulationsConfig, simulationsConfigSchema, type SimulationsConfig } from './config';
