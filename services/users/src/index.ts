export { createUsersApp } from './create-app';
export { loadUsersConfig, usersConfigSchema, type UsersConfig } from './config';
