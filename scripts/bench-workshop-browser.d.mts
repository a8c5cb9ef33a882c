// Types for scripts/bench-workshop-browser.mjs: a script run for its effect (it prints the figures); it exports nothing.
export {};
