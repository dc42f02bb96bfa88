import { isDeepStrictEqual } from 'node:util';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import { fresh } from '@l10k/rules';
import { isSharedAnswer } from '../read/shared-read';
import { WrittenOnce } from '../read/written-once';
import { ProblemException } from '../problem-details/problem';
import { gzipKeptAnswers, keptToSendAgain } from './gzipped-kept-answers';

type Schema = Record<string, unknown>;

/** `/v1/applications/:id` (Fastify) → `/v1/applications/{id}` (OpenAPI). */
function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/**
 * The schema with every `$ref` replaced by its component and no `default`, for fast-json-stringify. An object
 * without declared properties keeps whatever it holds (`additionalProperties: true`): a
 * serializer must never drop data the document leaves open.
 */
function inlined(
  schema: unknown,
  components: Record<string, unknown>,
  seen: readonly string[] = [],
): unknown {
  if (Array.isArray(schema)) return schema.map((item) => inlined(item, components, seen));
  if (typeof schema !== 'object' || schema === null) return schema;
  const { $ref, ...rest } = schema as Schema;
  if (typeof $ref === 'string') {
    const name = $ref.replace('#/components/schemas/', '');
    if (seen.includes(name)) throw new Error(`response schema ${name} refers to itself`);
    return inlined(components[name], components, [...seen, name]);
  }
  const copy: Schema = {};
  // A default describes what a request may leave out; the serializer would write it into answers.
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'default') continue;
    copy[key] =
      key === 'properties'
        ? Object.fromEntries(
            Object.entries(value as Schema).map(([name, property]) => [
              name,
              inlined(property, components, seen),
            ]),
          )
        : inlined(value, components, seen);
  }
  if (copy.type === 'object' && copy.properties === undefined && copy.additionalProperties === undefined) {
    copy.additionalProperties = true;
  }
  return copy;
}

/** Each success status's JSON schema of one operation, inlined; undefined when the document has none. */
function successSchemas(
  document: OpenAPIObject,
  method: string,
  url: string,
): Record<string, unknown> | undefined {
  const operation = document.paths[openApiPath(url)]?.[method.toLowerCase() as 'get'];
  const components = (document.components?.schemas ?? {}) as Record<string, unknown>;
  const schemas: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(operation?.responses ?? {})) {
    const schema = (response as { content?: Record<string, { schema?: unknown }> }).content?.[
      'application/json'
    ]?.schema;
    if (/^2\d\d$/.test(status) && schema !== undefined) schemas[status] = inlined(schema, components);
  }
  return Object.keys(schemas).length === 0 ? undefined : schemas;
}

/** Where two parsed JSON values first differ, with both sides, for the failure's message. */
function firstDifference(written: unknown, returned: unknown, path: string): string {
  if (typeof written === 'object' && written !== null && typeof returned === 'object' && returned !== null) {
    const keys = new Set([...Object.keys(written), ...Object.keys(returned)]);
    for (const key of keys) {
      const [a, b] = [(written as Schema)[key], (returned as Schema)[key]];
      if (!isDeepStrictEqual(a, b)) return firstDifference(a, b, `${path}.${key}`);
    }
  }
  return `${path}: written ${JSON.stringify(written)}, returned ${JSON.stringify(returned)}`;
}

const SENT = Symbol('payload as the handler returned it');

/** A request whose answer is verified: its view as the handler returned it, and the status it was to go with. */
type VerifiedRequest = FastifyRequest & { [SENT]?: { status: number; view: unknown } };

type SerializerCompiler = Parameters<FastifyInstance['setSerializerCompiler']>[0];

/** What a compiled serializer does: the answer's JSON text (or, here, kept bytes typed as text). */
type Serialize = (answer: unknown) => string;

/**
 * Fastify's own schema serializer (fast-json-stringify, as Fastify builds it by default), except
 * that an answer several requests share (read/shared-read.ts) is written once, as UTF-8 bytes
 * (Fastify sends a Buffer as it is), and those bytes go to each of them: neither the JSON nor its
 * encoding (~5% of a 26 KB list page's API CPU) is done again per request. A kept answer
 * (read/written-once.ts) keeps its own bytes, written the first time by this same serializer.
 */
function writingSharedAnswersOnce(): SerializerCompiler {
  const compile = SerializerSelector()({}, undefined);
  // One serializer per distinct schema, not per route: some twenty write routes answer the same
  // application view, and each compiled serializer of it is ~200 KB of generated source and its
  // code, kept for the process's life and traced by every full GC.
  const bySchema = new Map<string, Serialize>();
  return (route) => {
    const key = JSON.stringify(route.schema);
    let serializer = bySchema.get(key);
    if (serializer === undefined) {
      serializer = writingOnce(compile(route as Parameters<typeof compile>[0]));
      bySchema.set(key, serializer);
    }
    return serializer;
  };
}

/** The serializer of one schema, writing kept and shared answers once (see writingSharedAnswersOnce). */
function writingOnce(serialize: Serialize): Serialize {
  const written = new WeakMap<object, Buffer>();
  const sharedBytes = (answer: object): Buffer => {
    let bytes = written.get(answer);
    if (bytes === undefined) {
      bytes = keptToSendAgain(Buffer.from(serialize(answer)));
      written.set(answer, bytes);
    }
    return bytes;
  };
  return (answer) => {
    let bytes: Buffer;
    if (answer instanceof WrittenOnce) bytes = keptToSendAgain(answer.writtenBy(serialize));
    else if (isSharedAnswer(answer)) bytes = sharedBytes(answer as object);
    else return serialize(answer);
    // Typed as text by Fastify; its reply sends a Buffer payload as it sends text.
    return bytes as unknown as string;
  };
}

/**
 * Every JSON answer of a route the OpenAPI document describes is written by Fastify's
 * schema serializer (fast-json-stringify) from the documented view, instead of JSON.stringify.
 * The bytes it keeps and sends again go gzipped to clients that accept it (gzipped-kept-answers.ts).
 *
 * `verify` (the test suites) re-reads every such answer and compares it with what the handler
 * returned: a view field the document leaves out would be dropped silently by the serializer,
 * so a difference fails the request (500) and the test that made it.
 */
export function serializeAnswersByDocument(
  fastify: FastifyInstance,
  document: OpenAPIObject,
  options: { verify?: boolean } = {},
): void {
  fastify.setSerializerCompiler(writingSharedAnswersOnce());
  fastify.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const method = methods.find((candidate) => candidate !== 'HEAD') ?? methods[0];
    const response = successSchemas(document, method, route.url);
    if (response) route.schema = { ...fresh, ...route.schema, response };
  });
  if (options.verify) verifyAnswers(fastify);
  // After the verification, which reads the text the serializer wrote.
  gzipKeptAnswers(fastify);
}

/** `verify` of serializeAnswersByDocument. */
function verifyAnswers(fastify: FastifyInstance): void {
  fastify.addHook('preSerialization', async (request: FastifyRequest, reply, payload: unknown) => {
    (request as VerifiedRequest)[SENT] = {
      status: reply.statusCode,
      view: JSON.parse(JSON.stringify(payload)),
    };
    return payload;
  });
  fastify.addHook('onSend', async (request: FastifyRequest, reply, payload: unknown) => {
    const sent = (request as VerifiedRequest)[SENT];
    delete (request as VerifiedRequest)[SENT];
    const text = Buffer.isBuffer(payload) ? payload.toString('utf8') : payload;
    // A view that could not be written is answered by a problem instead (another status): nothing to compare.
    if (sent === undefined || sent.status !== reply.statusCode || typeof text !== 'string') return payload;
    if (!isDeepStrictEqual(JSON.parse(text), sent.view)) {
      throw new Error(
        `${request.method} ${request.routeOptions.url} answered ${reply.statusCode}: serialized by its OpenAPI schema, ` +
          `the view differs at ${firstDifference(JSON.parse(text), sent.view, 'body')}`,
      );
    }
    return payload;
  });
  // The systems under test log nothing: a server error met while an answer is written is said here.
  fastify.addHook(
    'onError',
    async (request: FastifyRequest, _reply, error: Error & { statusCode?: number }) => {
      const status = error instanceof ProblemException ? error.problem.status : (error.statusCode ?? 500);
      if (status >= 500)
        process.stderr.write(
          `${request.method} ${request.url} failed as it was answered: ${error.message}\n`,
        );
    },
  );
}
