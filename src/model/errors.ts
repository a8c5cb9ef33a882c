// Input errors the model reports: each names the field path and what was expected.

export class ModelInputError extends Error {
  readonly path: string;
  readonly expected: string;
  constructor(path: string, expected: string, got?: unknown) {
    super(`${path}: expected ${expected}${got === undefined ? '' : `, got ${describe(got)}`}`);
    this.name = 'ModelInputError';
    this.path = path;
    this.expected = expected;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
