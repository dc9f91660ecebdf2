import { Logger, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { json, raw, type NextFunction, type Request, type Response } from 'express';
import { ApiExceptionFilter } from './errors/api-exception.filter';
import { invalidJsonMessage } from './http/json-text';
import { requestIdMiddleware } from './http/request-id.middleware';
import { bodyTextRulesMiddleware, TextRulesPipe, textRulesMiddleware, verifyUtf8Body } from './http/text-rules';

export interface ServiceAppOptions {
  bodyLimitBytes: number;
  /** Silences Nest's start-up logs (tests). */
  quiet?: boolean;
  /** Parse JSON bodies (default); the gateway streams bodies through untouched instead. */
  parseJson?: boolean;
  /**
   * Requests whose JSON body is read as raw bytes (`req.body` a Buffer) instead of parsed: same
   * limit and UTF-8 check, and the route applies the parser's and the text rule's checks itself
   * (`@architech/service-kit/json-text`), e.g. on a worker thread for a large body.
   */
  rawJson?: (req: Request) => boolean;
  /** Middleware that runs before anything else, so it applies to every answer (the gateway's security headers). */
  first?: ((req: Request, res: Response, next: NextFunction) => void)[];
}

/**
 * A standalone service closes cleanly on SIGTERM/SIGINT (Kubernetes sends SIGTERM). Not used when
 * several services share a process: the launcher stops them itself.
 */
export function closeOnSignals(app: INestApplication): void {
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
}

/** Body-parser failures (malformed JSON, too large) in the API's error shape, before any route. */
function bodyErrorHandler(error: { type?: string; message?: string; status?: number } | undefined, _req: Request, res: Response, next: NextFunction): void {
  if (error?.type === 'entity.parse.failed') {
    res.status(400).json({ error: { code: 'invalid_json', message: invalidJsonMessage(error.message ?? '') } });
  } else if (error?.type === 'entity.verify.failed') {
    res.status(400).json({ error: { code: 'validation_failed', message: error.message ?? 'request body is not valid UTF-8', details: [{ path: '', code: 'invalid_text', message: 'the body is not valid UTF-8' }] } });
  } else if (error?.type === 'entity.too.large') {
    res.status(413).json({ error: { code: 'payload_too_large', message: error.message ?? 'request body too large' } });
  } else {
    next(error);
  }
}

/**
 * Creates a service's Nest application with the house conventions: request ids, a JSON body
 * limit and the JSON error shape for every failure.
 */
export async function createServiceApp(module: Type<unknown>, options: ServiceAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create(module, { bodyParser: false, logger: options.quiet ? ['error'] : ['log', 'warn', 'error'] });
  // No `X-Powered-By: Express`: it only tells an attacker what to look up.
  (app.getHttpAdapter().getInstance() as { disable(setting: string): void }).disable('x-powered-by');
  for (const middleware of options.first ?? []) app.use(middleware);
  app.use(requestIdMiddleware);
  // One text rule for every string the API receives (path, query, body): see http/text-rules.ts.
  app.use(textRulesMiddleware);
  if (options.parseJson !== false) {
    const parseJson = json({ limit: options.bodyLimitBytes, verify: verifyUtf8Body });
    const rawJson = options.rawJson;
    if (rawJson) {
      const readRaw = raw({ type: 'application/json', limit: options.bodyLimitBytes, verify: verifyUtf8Body });
      app.use((req: Request, res: Response, next: NextFunction) => (rawJson(req) ? readRaw : parseJson)(req, res, next));
    } else {
      app.use(parseJson);
    }
    app.use(bodyErrorHandler);
    app.use(bodyTextRulesMiddleware);
  }
  app.useGlobalFilters(new ApiExceptionFilter());
  app.useGlobalPipes(new TextRulesPipe());
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
