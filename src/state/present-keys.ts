// The presentation's keys (clickers send arrows, PageUp/PageDown, B or "."): what each key press means,
// for the presentation window and the presenter window alike. Pure, so a unit test pins the mapping.

export type NavAction = 'next' | 'prev' | 'first' | 'last' | 'blank' | 'exit' | { goto: number };

/**
 * What a key press means in presentation mode (clickers send arrows, PageUp/PageDown, B or "."). The
 * left and right arrows follow the page's direction: in a right-to-left page ← goes forward.
 */
export function navAction(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>, direction: 'ltr' | 'rtl' = 'ltr'): NavAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case 'ArrowRight':
      return direction === 'rtl' ? 'prev' : 'next';
    case 'ArrowLeft':
      return direction === 'rtl' ? 'next' : 'prev';
    case 'ArrowDown': case 'PageDown': case ' ': case 'Spacebar': case 'Enter': case 'n': case 'N':
      return 'next';
    case 'ArrowUp': case 'PageUp': case 'Backspace': case 'p': case 'P':
      return 'prev';
    case 'Home': return 'first';
    case 'End': return 'last';
    case 'b': case 'B': case '.': return 'blank';
    case 'Escape': case 'Esc': return 'exit';
  }
  if (/^[1-9]$/.test(e.key)) return { goto: Number(e.key) - 1 };
  if (e.key === '0') return { goto: 9 };
  return null;
}
