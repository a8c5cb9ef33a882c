// Typed context helper for the scenario library state.
import { getContext, setContext } from 'svelte';
import type { Library } from './library.svelte.ts';

const KEY = Symbol('library');

export function setLibrary(lib: Library): Library {
  return setContext(KEY, lib);
}

export function getLibrary(): Library {
  const lib = getContext<Library | undefined>(KEY);
  if (!lib) throw new Error('No library in context');
  return lib;
}
