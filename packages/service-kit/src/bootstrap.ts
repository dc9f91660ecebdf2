import { Logger, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { json } from 'express';
import { ApiExceptionFilter } from './errors/api-exception.filter';
import { requestIdMiddleware } from './http/request-id.middleware';

export interface ServiceAppOptions {
  bodyLimitBytes: number;
  /** Silences Nest's start-up logs (tests). */
  quiet?: boolean;
}

/**
 * Creates a service's Nest application with the house conventions: request ids, a JSON body
 * limit, the JSON error shape for every failure, and graceful shutdown.
 */
export async function createServiceApp(module: Type<unknown>, options: ServiceAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create(module, { bodyParser: false, logger: options.quiet ? ['error'] : ['log', 'warn', 'error'] });
  app.use(requestIdMiddleware);
  app.use(json({ limit: options.bodyLimitBytes }));
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();
  return app;
}

/** Listens on `port` (0 = any free port) on `host` and returns the base URL. */
export async function listen(app: INestApplication, port: number, host = '127.0.0.1'): Promise<string> {
  await app.listen(port, host);
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://${host}:${address.port}`;
  Logger.log(`listening on ${url}`, 'bootstrap');
  return url;
}
