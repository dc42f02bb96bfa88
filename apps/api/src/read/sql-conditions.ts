/**
 * The WHERE conditions of a read written as SQL text, each value a numbered parameter (`$1`,
 * `$2`, … in the order they are added). The pages read most often (the application list, the
 * review queue) write their statements this way instead of through TypeORM's query builder:
 * building and rendering the builder was ~9% of a list page's API CPU, for a text that only
 * ever takes a handful of shapes (each then prepared once per connection, prepared-query.ts).
 */
export class SqlConditions {
  private readonly conditions: string[] = [];
  private readonly parameters: unknown[] = [];

  /** The placeholder of `value`, which travels as a parameter, never inside the text. */
  value(value: unknown): string {
    this.parameters.push(value);
    return `$${this.parameters.length}`;
  }

  /** Adds a condition that every row must meet. */
  where(condition: string): this {
    this.conditions.push(condition);
    return this;
  }

  /** `WHERE a AND b …`, or nothing when no condition was added. */
  get clause(): string {
    return this.conditions.length === 0 ? '' : `WHERE ${this.conditions.map((c) => `(${c})`).join(' AND ')}`;
  }

  /** The parameters' values, in placeholder order. */
  get values(): readonly unknown[] {
    return this.parameters;
  }
}

/** `expression AS "alias", …` for a view's columns, from their aliases. */
export const selectList = (columns: Readonly<Record<string, string>>): string =>
  Object.entries(columns)
    .map(([alias, expression]) => `${expression} AS "${alias}"`)
    .join(', ');
