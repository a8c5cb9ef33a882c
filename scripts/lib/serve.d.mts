// Types for serve.mjs, so the TypeScript browser tests share its Chromium set-up instead of copying it.
/** The Chromium flags that work on a closed network (no background traffic, no sandbox in containers). */
export const CHROMIUM_FLAGS: string[];
/** CHROMIUM_PATH, else /usr/bin/chromium, else any of `more`; throws a message saying how to get one. */
export function chromiumPath(more?: readonly string[]): string;
/** `vite build` (exits the process when it fails). */
export function build(): void;
/** Serves dist/ on a free loopback port; stop() kills the whole server process group. */
export function serve(): Promise<{ url: string; stop: () => void }>;
