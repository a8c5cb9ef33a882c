// Whether the language picker had focus when the language changed: the `{#key}` re-render replaces it,
// and the new picker takes focus back so a keyboard user keeps their place.
export const refocusAfterSwitch = { pending: false };
