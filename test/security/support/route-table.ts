import type { INestApplication } from '@nestjs/common';

export interface RegisteredRoute {
  /** GET, POST…, or ALL for a router mounted at a path (bull-board, swagger-ui's static files). */
  method: string;
  /** In the OpenAPI document's form: `/api/v1/units/{unitId}`. */
  path: string;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  rawPath?: string;
}

// Nest registers middleware (request logging) as a route answering every method on every path.
const isMiddleware = (route: NonNullable<Layer['route']>) => route.path.includes('*');

/**
 * Every route the HTTP server answers, read from express's router: Nest's controllers (with or
 * without OpenAPI documentation, the web workspace's pages included), swagger-ui's routes, and
 * routers mounted at a path. What a new module registers appears here without anyone listing it.
 */
export function registeredRoutes(app: INestApplication): RegisteredRoute[] {
  const stack = (app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } }).router.stack;
  const routes = new Map<string, RegisteredRoute>();
  for (const layer of stack) {
    if (layer.route && !isMiddleware(layer.route)) {
      const path = layer.route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      for (const method of Object.keys(layer.route.methods).filter((name) => name !== '_all')) {
        routes.set(`${method.toUpperCase()} ${path}`, { method: method.toUpperCase(), path });
      }
    } else if (!layer.route && layer.rawPath && layer.rawPath !== '/') {
      routes.set(`ALL ${layer.rawPath}`, { method: 'ALL', path: layer.rawPath });
    }
  }
  return [...routes.values()];
}
