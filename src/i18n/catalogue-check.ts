// Compares a translated catalogue with the English source: keys missing or extra, messages that do not
// parse as ICU MessageFormat, and messages whose placeholders differ (name, kind, select cases, tags).
// Plural cases may differ (Russian has few/many, Arabic zero/two…) but each plural needs `other`.
// Used by tests/unit/i18n-catalogues.test.ts; also fit for a translator's own check script.
import { IntlMessageFormat } from 'intl-messageformat';
import type { Messages } from './translator.ts';

export interface CatalogueProblems {
  missing: string[];
  extra: string[];
  /** `key: reason` for messages that fail to parse or lack a plural `other` case. */
  invalid: string[];
  /** `key: source placeholders ≠ translated placeholders`. */
  placeholders: string[];
}

const KIND = ['literal', 'argument', 'number', 'date', 'time', 'select', 'plural', 'pound', 'tag'] as const;

interface AstNode {
  type: number;
  value?: string;
  options?: Record<string, { value: AstNode[] }>;
  children?: AstNode[];
}

/** The placeholders of one message as sorted strings such as "n:plural", "s:select[a|b|other]", "b:tag". */
export function placeholdersOf(message: string, locale = 'en'): string[] {
  const ast = new IntlMessageFormat(message, locale).getAst() as unknown as AstNode[];
  const out = new Set<string>();
  const walk = (nodes: AstNode[]): void => {
    for (const node of nodes) {
      const kind = KIND[node.type] ?? `type${node.type}`;
      if (kind === 'plural') {
        if (!node.options || !Object.hasOwn(node.options, 'other')) throw new Error(`plural {${node.value}} has no "other" case`);
        out.add(`${node.value}:plural`);
      } else if (kind === 'select') {
        out.add(`${node.value}:select[${Object.keys(node.options ?? {}).sort().join('|')}]`);
      } else if (kind !== 'literal' && kind !== 'pound') {
        out.add(`${node.value}:${kind}`);
      }
      for (const option of Object.values(node.options ?? {})) walk(option.value);
      if (node.children) walk(node.children);
    }
  };
  walk(ast);
  return [...out].sort();
}

export function compareCatalogues(source: Messages, translated: Messages, locale: string): CatalogueProblems {
  const problems: CatalogueProblems = { missing: [], extra: [], invalid: [], placeholders: [] };
  for (const key of Object.keys(source)) if (!Object.hasOwn(translated, key)) problems.missing.push(key);
  for (const key of Object.keys(translated)) if (!Object.hasOwn(source, key)) problems.extra.push(key);
  for (const [key, message] of Object.entries(translated)) {
    if (typeof message !== 'string' || message.trim() === '') {
      problems.invalid.push(`${key}: empty or not text`);
      continue;
    }
    let mine: string[];
    try {
      mine = placeholdersOf(message, locale);
    } catch (e) {
      problems.invalid.push(`${key}: ${(e as Error).message}`);
      continue;
    }
    const original = Object.hasOwn(source, key) ? source[key] : undefined;
    if (original === undefined) continue;
    let theirs: string[];
    try {
      theirs = placeholdersOf(original, 'en');
    } catch {
      continue; // reported when the source itself is checked
    }
    if (mine.join(',') !== theirs.join(',')) problems.placeholders.push(`${key}: {${theirs.join(', ')}} ≠ {${mine.join(', ')}}`);
  }
  return problems;
}
