import type { FastifyRequest } from 'fastify';
import { FieldError, ProblemException, problem } from './problem';

/** Far deeper than any request of this API (a plan is four levels), far shallower than a stack overflow. */
export const MAX_JSON_DEPTH = 32;

/** One answer names at most this many fields: enough to fix a body, short enough to read. */
const MAX_REPORTED = 20;

/**
 * Keys that are properties of every object: class-transformer skips them silently, so they
 * would slip past the "unknown field" check that refuses any other key.
 */
const OBJECT_PROTOTYPE_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** U+0000 and surrogates without their pair: PostgreSQL's jsonb refuses both, and neither is text. */
function isText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/** A path that can be written back safely even when the key itself is the problem. */
function printable(text: string): string {
  return text
    .replaceAll('\u0000', '\\u0000')
    .replace(new RegExp(LONE_SURROGATE, 'g'), (unit) => `\\u${unit.charCodeAt(0).toString(16)}`);
}

interface Pending {
  readonly value: unknown;
  readonly path: string;
  readonly depth: number;
}

/**
 * What JSON can carry but this API never accepts: nesting beyond MAX_JSON_DEPTH (answered as
 * its own problem), numbers that parsed to ±Infinity (`1e400`), strings or keys with U+0000 or
 * a lone surrogate, and keys named after Object.prototype's members. Walks without recursion,
 * so a hostile body cannot overflow the stack here either.
 */
export function unsafeJsonProblems(body: unknown): ProblemException | undefined {
  const errors: FieldError[] = [];
  const stack: Pending[] = [{ value: body, path: '', depth: 0 }];
  while (stack.length > 0 && errors.length < MAX_REPORTED) {
    const { value, path, depth } = stack.pop() as Pending;
    const field = printable(path) || 'body';
    if (typeof value === 'number' && !Number.isFinite(value)) {
      errors.push({
        field,
        rule: 'finite_number',
        message: `${field} must be a finite number (a number this large parses as Infinity)`,
      });
    } else if (typeof value === 'string' && !isText(value)) {
      errors.push({
        field,
        rule: 'unicode_text',
        message: `${field} must not contain U+0000 or an unpaired surrogate (\\ud800–\\udfff)`,
      });
    } else if (typeof value === 'object' && value !== null) {
      if (depth >= MAX_JSON_DEPTH) return tooDeep();
      const entries: [string | number, unknown][] = Array.isArray(value)
        ? value.map((item, index) => [index, item])
        : Object.entries(value);
      const children: Pending[] = [];
      for (const [key, child] of entries) {
        const keyPath = childPath(path, key);
        if (typeof key === 'string' && !isText(key)) {
          errors.push({
            field: printable(keyPath),
            rule: 'unicode_text',
            message: 'a property name must not contain U+0000 or an unpaired surrogate',
          });
        } else if (typeof key === 'string' && OBJECT_PROTOTYPE_KEYS.has(key)) {
          errors.push({ field: keyPath, rule: 'unknown_field', message: `property ${key} should not exist` });
        } else {
          children.push({ value: child, path: keyPath, depth: depth + 1 });
        }
      }
      // Reversed onto the stack, so fields are visited (and named) in the order they were written.
      for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
    }
  }
  if (errors.length === 0) return undefined;
  const reported = errors.slice(0, MAX_REPORTED);
  const fields = [...new Set(reported.map((error) => error.field))];
  return new ProblemException(
    problem(
      400,
      `The request has ${fields.length} invalid field${fields.length === 1 ? '' : 's'}: ${fields.join(', ')}.`,
      reported,
      'invalid-request',
    ),
  );
}

function tooDeep(): ProblemException {
  const message = `the body nests deeper than ${MAX_JSON_DEPTH} levels of objects and arrays`;
  return new ProblemException(
    problem(
      400,
      `The request body nests too deeply (at most ${MAX_JSON_DEPTH} levels).`,
      [{ field: 'body', rule: 'json_depth', message, figures: { maxDepth: MAX_JSON_DEPTH } }],
      'malformed-body',
    ),
  );
}

/**
 * A hook right after the body is parsed (Fastify's preValidation): refuses what
 * unsafeJsonProblems finds before any route code (idempotency fingerprint, validation,
 * handlers) sees the body.
 */
export async function refuseUnsafeJson(request: FastifyRequest): Promise<void> {
  if (request.body === undefined) return;
  const refusal = unsafeJsonProblems(request.body);
  if (refusal) throw refusal;
}
