export { startEmbeddedTopology, type EmbeddedTopology, type EmbeddedTopologyOptions } from './embedded-topology';
