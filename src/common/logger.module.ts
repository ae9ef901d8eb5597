import { ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
import PinoPretty from 'pino-pretty';
import type { Environment } from '../config/environment';
import { assignRequestId } from './request-id';

/**
 * pino structured logs; every line of a request carries its request id (`reqId`). JSON lines by
 * default; `LOG_FORMAT=pretty` (the default in development on a terminal) prints them for people.
 */
export const AppLoggerModule = LoggerModule.forRootAsync({
  inject: [ConfigService],
  useFactory: (config: ConfigService<Environment, true>) => {
    const options: Options = {
      level: config.get('LOG_LEVEL', { infer: true }),
      genReqId: assignRequestId,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], remove: true },
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    };
    if (config.get('LOG_FORMAT', { infer: true }) !== 'pretty') return { pinoHttp: options };
    const pretty = PinoPretty({
      sync: true,
      colorize: Boolean(process.stdout.isTTY),
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,context,req,res,responseTime',
      messageFormat: (log, messageKey) => {
        const context = typeof log.context === 'string' ? `[${log.context}] ` : '';
        const request = log.req as { method?: string; url?: string } | undefined;
        const response = log.res as { statusCode?: number } | undefined;
        const http = request?.method ? ` ${request.method} ${request.url} → ${response?.statusCode ?? '…'}` : '';
        return `${context}${String(log[messageKey])}${http}`;
      },
    });
    return { pinoHttp: [options, pretty] };
  },
});
