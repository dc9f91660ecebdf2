export { createProjectsApp } from './create-app';
export { loadProjectsConfig, projectsConfigSchema, type ProjectsConfig } from './config';
