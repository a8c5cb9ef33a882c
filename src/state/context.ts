// Typed context helpers: components reach the workspace without prop drilling.
import { getContext, setContext } from 'svelte';
import type { Workspace } from './workspace.svelte.ts';

const KEY = Symbol('workspace');

export function setWorkspace(ws: Workspace): Workspace {
  return setContext(KEY, ws);
}

export function getWorkspace(): Workspace {
  const ws = getContext<Workspace | undefined>(KEY);
  if (!ws) throw new Error('No workspace in context');
  return ws;
}
