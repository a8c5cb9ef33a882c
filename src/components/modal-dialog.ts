// How every modal <dialog> here opens and closes: shown as a modal with focus moved in, and on
// teardown closed with focus given back to the control that opened it.

/**
 * Shows `dlg` as a modal and calls `focusFirst` to move focus in. Returns the teardown (for
 * `onMount`'s return): it closes the dialog if still open and focuses the element focused before.
 */
export function openModal(dlg: HTMLDialogElement, focusFirst: () => void): () => void {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  dlg.showModal();
  focusFirst();
  return () => {
    if (dlg.open) dlg.close();
    opener?.focus();
  };
}
