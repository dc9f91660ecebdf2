export { createDesignsApp } from './create-app';
export { loadDesignsConfig, designsConfigSchema, type DesignsConfig } from './config';
