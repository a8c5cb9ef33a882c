// Typed contexts (Svelte's createContext): how components reach the app's state objects without prop
// drilling. App.svelte sets the workspace and the library; the Reach targets panel sets the
// workspace's analysis for its children. Each getter throws when no ancestor has set its value.
import { createContext } from 'svelte';
import type { Analysis } from './analysis.svelte.ts';
import type { Library } from './library.svelte.ts';
import type { Workspace } from './workspace.svelte.ts';

export const [getWorkspace, setWorkspace] = createContext<Workspace>();
export const [getLibrary, setLibrary] = createContext<Library>();
export const [getAnalysisContext, setAnalysisContext] = createContext<Analysis>();
