import fc from 'fast-check';
import { hostileValue } from './hostile-values';
import { objectOf } from './json-text';

/** The parts of an OpenAPI 3 schema this generator reads. */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  nullable?: boolean;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}

/** How often a generated value is swapped for a hostile one, against the valid ones. */
const VALID_WEIGHT = 6;

/**
 * Values shaped by the document's schemas, each node replaced by a hostile value now and then,
 * and objects given extra keys (unknown ones, `__proto__`, `constructor`) now and then: mostly
 * valid requests reach the handlers, the rest probe every layer in front of them.
 */
export class SchemaArbitraries {
  /** `hostileWeight` 0 gives values of the schema's shape only (their content may still break a rule). */
  constructor(
    private readonly document: OpenApiDocument,
    private readonly hostileWeight = 1,
  ) {}

  resolve(schema: Schema): Schema {
    let resolved = schema;
    for (let hops = 0; resolved.$ref && hops < 20; hops++) {
      const name = resolved.$ref.replace('#/components/schemas/', '');
      resolved = this.document.components?.schemas?.[name] ?? {};
    }
    if (resolved.allOf) {
      const parts = resolved.allOf.map((part) => this.resolve(part));
      return {
        ...resolved,
        allOf: undefined,
        type: 'object',
        properties: Object.assign({}, ...parts.map((part) => part.properties ?? {}), resolved.properties),
        required: [...parts.flatMap((part) => part.required ?? []), ...(resolved.required ?? [])],
      };
    }
    return resolved;
  }

  /** A value for the schema, sometimes hostile at any depth. */
  value(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
    if (!schema || depth > 8) return this.hostileWeight > 0 ? hostileValue : fc.constant(null);
    if (this.hostileWeight === 0) return this.valid(this.resolve(schema), depth);
    return fc.oneof(
      { weight: VALID_WEIGHT, arbitrary: this.valid(this.resolve(schema), depth) },
      { weight: this.hostileWeight, arbitrary: hostileValue },
    );
  }

  private valid(schema: Schema, depth: number): fc.Arbitrary<unknown> {
    if (schema.oneOf || schema.anyOf) {
      const options = (schema.oneOf ?? schema.anyOf ?? []).map((option) => this.value(option, depth + 1));
      return options.length > 0 ? fc.oneof(...options) : hostileValue;
    }
    if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
    const type = Array.isArray(schema.type) ? schema.type.find((name) => name !== 'null') : schema.type;
    switch (type) {
      case 'string':
        return this.string(schema);
      case 'integer':
        return fc.integer({
          min: Math.max(schema.minimum ?? -1_000, Number.MIN_SAFE_INTEGER),
          max: Math.min(schema.maximum ?? 100_000_000, Number.MAX_SAFE_INTEGER),
        });
      case 'number':
        return fc.oneof(
          fc.integer({ min: 0, max: 100_000_000 }),
          fc.integer({ min: 0, max: 200 }).map((hundredths) => hundredths / 100),
        );
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(this.value(schema.items, depth + 1), {
          minLength: Math.min(schema.minItems ?? 0, 3),
          maxLength: Math.min(schema.maxItems ?? 3, 3),
        });
      case 'object':
      case undefined:
        return schema.properties ? this.object(schema, depth) : fc.jsonValue({ maxDepth: 2 });
      default:
        return hostileValue;
    }
  }

  private string(schema: Schema): fc.Arbitrary<unknown> {
    switch (schema.format) {
      case 'uuid':
        return fc.uuid();
      case 'date':
        return fc
          .date({ min: new Date('2024-01-01'), max: new Date('2028-12-31'), noInvalidDate: true })
          .map((date) => date.toISOString().slice(0, 10));
      case 'date-time':
        return fc
          .date({ min: new Date('2024-01-01'), max: new Date('2028-12-31'), noInvalidDate: true })
          .map((date) => date.toISOString());
    }
    if (schema.pattern) {
      try {
        return fc.stringMatching(new RegExp(schema.pattern)).filter((text) => text.length <= 200);
      } catch {
        // A pattern JavaScript cannot compile: fall through to plain text.
      }
    }
    return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 30, 60) });
  }

  private object(schema: Schema, depth: number): fc.Arbitrary<unknown> {
    const properties = Object.entries(schema.properties ?? {});
    const required = new Set(schema.required ?? []);
    const fields = properties.map(([name, property]) =>
      fc
        .tuple(
          fc.constant(name),
          this.value(property, depth + 1),
          // Required fields are present nine times in ten, optional ones half the time.
          fc.integer({ min: 0, max: 9 }).map((roll) => (required.has(name) ? roll > 0 : roll >= 5)),
        )
        .map(([key, value, present]) => (present ? ([key, value] as const) : undefined)),
    );
    const extra = fc.option(
      fc.tuple(
        fc.oneof(
          fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'unexpected'),
          fc.string({ maxLength: 10 }),
        ),
        hostileValue,
      ),
      { freq: 8 },
    );
    if (this.hostileWeight === 0) {
      return fc
        .tuple(...fields)
        .map((present) =>
          objectOf(present.filter((entry): entry is readonly [string, unknown] => entry !== undefined)),
        );
    }
    return fc
      .tuple(fc.tuple(...fields), extra)
      .map(([present, added]) =>
        objectOf([
          ...present.filter((entry): entry is readonly [string, unknown] => entry !== undefined),
          ...(added ? [added] : []),
        ]),
      );
  }
}
