// The words of the restore door: its problems and notes arrive as codes (RestoreText) from wherever
// restore ran (a worker, the CLI, the main thread) and are said here with t(), in the active language.
// The CLI and Node tests get English by importing src/i18n/english.ts first.
import { t } from '../i18n/runtime.ts';
import { keys } from '../i18n/keys.ts';
import { isIndicatorId } from '../model/registry/indicators.ts';
import { isLeverId } from '../model/registry/levers.ts';
import { OTHER } from './expected.ts';
import type { RestoreData, RestoreError, RestoreErrorData, RestoreResult, RestoreSource, RestoreText } from './types.ts';

/** Who a note is about: a named scenario in quotes, or "Scenario 3". */
function who(values: Readonly<Record<string, string | number>>): string {
  const name = values.scenarioName;
  if (typeof name === 'string' && name.trim() !== '') return t('restore.note.named', { name });
  return t('restore.note.numbered', { n: Number(values.scenarioIndex ?? 0) + 1 });
}

/** A list of field names or ids joined "a, b or c" (the words between them from the catalogue). */
function orList(items: readonly string[]): string {
  if (items.length < 2) return items.join('');
  return t('restore.list.or', { head: items.slice(0, -1).join(', '), last: items.at(-1)! });
}

/** One RestoreText in the active language. */
export function formatRestoreText(text: RestoreText): string {
  // A message valibot wrote itself (no code of ours): shown as it is.
  if (text.code === OTHER) return String(text.values?.text ?? '');
  const values: Record<string, string | number> = { ...(text.values ?? {}) };
  // A lever's or an indicator's unit, and the retired parameters' reasons, come from the catalogue.
  if (typeof values.lever === 'string' && isLeverId(values.lever)) values.unit = t(keys.lever(values.lever, 'unit'));
  if (typeof values.indicator === 'string' && isIndicatorId(values.indicator)) values.unit = t(keys.indicator(values.indicator, 'unit'));
  // A parameter's unit once the catalogue has it (`param.<id>.unit`); until then the registry's English.
  if (typeof values.param === 'string') {
    const key = `param.${values.param}.unit`;
    const unit = t(key);
    if (unit !== key) values.unit = unit;
  }
  if ('scenarioName' in values || 'scenarioIndex' in values) values.who = who(values);
  if (typeof values.fields === 'string') values.fields = orList(values.fields.split(','));
  if (typeof values.retired === 'string') {
    values.list = values.retired
      .split(',')
      .map((key) => t('restore.note.retiredItem', { key, reason: t(`restore.retired.${key}`) }))
      .join('; ');
  }
  if (text.inner) values.expected = formatRestoreText(text.inner);
  return t(text.code, values);
}

/** Where an input came from, as the start of a message. */
export function sourceLabel(source: RestoreSource): string {
  switch (source.kind) {
    case 'file': return source.name;
    case 'link': return t('restore.source.link');
    case 'storage': return t('restore.source.storage');
    case 'preset': return t('restore.source.preset', { name: source.name });
  }
}

/** A field path for people: the two paths that are not fields are said in words. */
function pathLabel(path: string): string {
  if (path === '(top level)') return t('restore.path.top');
  if (path === '(link)') return t('restore.path.link');
  return path;
}

/** A rejected input in words. */
export function localizeError(e: RestoreErrorData): RestoreError {
  return { ok: false, source: e.source, path: e.path, problem: e.problem, message: formatRestoreText(e.problem) };
}

/** A restore result in the active language: the problem's message, or the notes. */
export function localizeRestore(r: RestoreData): RestoreResult {
  if (!r.ok) return localizeError(r);
  return { ok: true, scenarios: r.scenarios, fromVersion: r.fromVersion, notes: r.notes.map(formatRestoreText) };
}

/** One line for the user: `my-plan.json: scenarios.0.levers.networkRollout.value: expected a number from 0 to 40 (…)`. */
export function describeRestoreError(e: RestoreErrorData): string {
  return t('restore.line', { source: sourceLabel(e.source), path: pathLabel(e.path), message: formatRestoreText(e.problem) });
}
