import request, { type Test } from 'supertest';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The parts of an OpenAPI 3.0 document the contract reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject | unknown>>;
  components?: { schemas?: Record<string, unknown> };
}

interface OperationObject {
  operationId?: string;
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

/** What the contract needs of an HTTP response (supertest's Response has all of it). */
export interface ObservedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  text?: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
/** Routes the document is responsible for; other pages (workspace, dashboard, queue board, docs) are not API. */
const API_PREFIXES = ['/api/v1/', '/health'];
const DOCS_PATH = /^\/api\/docs(?:-json)?(?:\/|$)/;

interface Route {
  template: string;
  pattern: RegExp;
  /** Literal segments first: `/units/mergers` wins over `/units/{id}`. */
  specificity: number;
}

/**
 * Checks responses against the service's own OpenAPI document: the status must be documented for the
 * operation, a JSON body must match its schema, and any other body must have a documented media type.
 * Objects described with `properties` are closed (`additionalProperties: false`) for the check, so an
 * undocumented property fails as loudly as a wrong type. The answer names the route, the status and the
 * JSON pointer of each mismatch.
 */
export class OpenApiContract {
  private readonly ajv: Ajv;
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    this.ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema({ $id: 'openapi', components: closeObjects(structuredClone(document.components ?? {})) });
    this.routes = Object.keys(document.paths)
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^/}]+\}/g, '[^/]+')}$`),
        specificity: template.split('/').filter((segment) => segment !== '' && !segment.startsWith('{')).length,
      }))
      .sort((left, right) => right.specificity - left.specificity);
  }

  /** Null when the response is what the document says, else a sentence naming every mismatch. */
  mismatch(method: string, url: string, response: ObservedResponse): string | null {
    const path = new URL(url, 'http://contract.invalid').pathname;
    if (DOCS_PATH.test(path) || !API_PREFIXES.some((prefix) => path === prefix.replace(/\/$/, '') || path.startsWith(prefix))) return null;
    const verb = method.toLowerCase();
    const route = this.routes.find((candidate) => candidate.pattern.test(path) && this.operationAt(candidate.template, verb));
    const where = `${method.toUpperCase()} ${path}`;
    if (!route) {
      // Unknown routes and methods answer 404/405 from the framework, which no operation can document.
      return response.status === 404 || response.status === 405 ? null : `${where} answered ${response.status} but the OpenAPI document has no such operation`;
    }
    const operation = this.operationAt(route.template, verb) as OperationObject;
    const name = `${where} (${verb} ${route.template}${operation.operationId ? `, operation ${operation.operationId}` : ''})`;
    const responses = operation.responses ?? {};
    const statusKey = [String(response.status), `${String(response.status)[0]}XX`, 'default'].find((key) => key in responses);
    if (statusKey === undefined) {
      return `${name} answered ${response.status}, which the OpenAPI document does not list (documented: ${Object.keys(responses).join(', ') || 'none'})`;
    }
    const content = responses[statusKey].content ?? {};
    const mediaType = String(headerValue(response.headers['content-type']) ?? '').split(';')[0].trim().toLowerCase();
    if (mediaType === '') {
      const hasBody = response.text !== undefined && response.text !== '';
      return hasBody && Object.keys(content).length === 0 ? `${name} answered ${response.status} with a body but no content type` : null;
    }
    if (!(mediaType in content)) {
      return `${name} answered ${response.status} as ${mediaType}, but the OpenAPI document declares ${Object.keys(content).join(', ') || 'no body'} for it`;
    }
    if (!isJson(mediaType)) return null;
    const validate = this.validatorFor(route.template, verb, statusKey, mediaType, content[mediaType].schema);
    if (!validate) return `${name} answered ${response.status} ${mediaType} but the OpenAPI document gives no schema for that body`;
    if (validate(jsonBody(response))) return null;
    return `${name} answered ${response.status} ${mediaType} with a body the OpenAPI document does not describe:\n${describeErrors(validate.errors ?? [])}`;
  }

  private operationAt(template: string, verb: string): OperationObject | undefined {
    if (!(METHODS as readonly string[]).includes(verb)) return undefined;
    return this.document.paths[template]?.[verb] as OperationObject | undefined;
  }

  private validatorFor(template: string, verb: string, status: string, mediaType: string, schema: unknown): ValidateFunction | undefined {
    if (schema === undefined) return undefined;
    const key = `${verb} ${template} ${status} ${mediaType}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(rebaseRefs(closeObjects(structuredClone(schema as object))));
      this.validators.set(key, validate);
    }
    return validate;
  }
}

function isJson(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function jsonBody(response: ObservedResponse): unknown {
  // A test that collects raw bytes (`.buffer(true).parse(...)`) still gets its JSON checked.
  return Buffer.isBuffer(response.body) ? JSON.parse(response.body.toString('utf8')) : response.body;
}

function describeErrors(errors: readonly ErrorObject[]): string {
  return errors
    .slice(0, 10)
    .map((error) => {
      const extra = error.keyword === 'additionalProperties' ? ` "${(error.params as { additionalProperty: string }).additionalProperty}"` : '';
      return `  at ${error.instancePath || '(body)'}: ${error.message ?? error.keyword}${extra} (schema ${error.schemaPath.replace(/^openapi#/, '#')})`;
    })
    .join('\n');
}

/** `#/components/...` refs point into the document added under the id `openapi`. */
function rebaseRefs<T>(schema: T): T {
  walk(schema, (node) => {
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#/')) node.$ref = `openapi${node.$ref}`;
  });
  return schema;
}

/**
 * Described objects admit nothing else: a schema with `properties` and no `additionalProperties` gets
 * `additionalProperties: false` (schemas combined with allOf keep theirs open, as the parts must add up).
 */
function closeObjects<T>(schema: T): T {
  walk(schema, (node, parentKey) => {
    if (parentKey === 'allOf') return;
    if (node.properties && typeof node.properties === 'object' && !('additionalProperties' in node) && !Array.isArray(node.allOf)) {
      node.additionalProperties = false;
    }
  });
  return schema;
}

function walk(node: unknown, visit: (node: Record<string, unknown>, parentKey: string | null) => void, parentKey: string | null = null): void {
  if (Array.isArray(node)) {
    node.forEach((item) => walk(item, visit, parentKey));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  visit(record, parentKey);
  for (const [key, value] of Object.entries(record)) {
    // `properties` maps names to schemas: its own keys are property names, not keywords.
    if (key === 'properties' && value && typeof value === 'object') {
      Object.values(value).forEach((property) => walk(property, visit, key));
    } else if (key !== 'example' && key !== 'examples' && key !== 'enum') {
      walk(value, visit, key);
    }
  }
}

type Agent = ReturnType<typeof request>;

/** Wraps a supertest agent so that every request it makes also asserts the response against the contract. */
export function contractChecked(agent: Agent, contract: OpenApiContract): Agent {
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !(METHODS as readonly string[]).includes(property) || typeof value !== 'function') return value;
      return (url: string, ...rest: unknown[]) =>
        (value as (url: string, ...rest: unknown[]) => Test).call(target, url, ...rest).expect((response) => {
          const mismatch = contract.mismatch(property, url, response);
          if (mismatch) throw new Error(`OpenAPI contract: ${mismatch}`);
        });
    },
  });
}
