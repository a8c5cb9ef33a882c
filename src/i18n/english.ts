// English, loaded synchronously, for the command line (its output stays English) and Node tests.
// The browser never imports this file: it loads one catalogue at a time with import() (loader.ts).
import en from './messages/en.json' with { type: 'json' };
import { createTranslator } from './translator.ts';
import { setTranslator } from './runtime.ts';

setTranslator(createTranslator('en', en, {}));
