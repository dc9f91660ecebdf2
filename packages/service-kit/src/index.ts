import 'reflect-metadata';

export * from './config/load-config';
export * from './config/common-config';
export * from './errors/api-exception';
export * from './errors/api-exception.filter';
export * from './http/request-context';
export * from './http/request-id.middleware';
export * from './http/parse-body';
export * from './http/service-client';
export * from './auth/token.service';
export * from './auth/auth.guard';
export * from './health/health.controller';
export * from './database/embedded-postgres';
export * from './database/data-source';
export * from './database/database.module';
export * from './telemetry/telemetry';
export * from './service-kit.module';
export * from './bootstrap';
