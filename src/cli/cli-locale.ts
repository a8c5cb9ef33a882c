// The language of what the command line prints: English unless `--lang xx` names another of the six
// (issue 17: "the command line keeps English output, and --lang is optional"). The catalogue is read
// synchronously from src/i18n/messages (Node only; the browser loads catalogues with import()). Only
// human-readable text follows it (indicator, lever and geography names, status labels); ids, codes,
// field names and numbers never change, so scripts reading the output keep working.
import { readFileSync } from 'node:fs';
import '../i18n/english.ts';
import { LOCALE_CODES, isLocale } from '../i18n/locales.ts';
import { setTranslator } from '../i18n/runtime.ts';
import { createTranslator, type Messages } from '../i18n/translator.ts';
import { CliError } from './cli-error.ts';

/** Makes `code` the language of the CLI's text; a code that names none of the six is bad input. */
export function useCliLocale(code: string): void {
  if (!isLocale(code)) throw new CliError('--lang', `--lang: expected one of ${LOCALE_CODES.join(', ')}, got "${code}"`);
  const messages = JSON.parse(readFileSync(new URL(`../i18n/messages/${code}.json`, import.meta.url), 'utf8')) as Messages;
  setTranslator(createTranslator(code, messages));
}
