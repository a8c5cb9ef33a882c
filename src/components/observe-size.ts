// An action in place of Svelte's bind:clientWidth / bind:clientHeight on start-up and drag paths:
// the binding reads the size synchronously when it mounts, which forces a layout in the middle of
// rendering (tens of milliseconds of start-up on a phone). This one hears the size from a
// ResizeObserver, after the browser's own layout and before the frame is painted, so the first
// frame already uses the real size and no layout is forced.

/** What the element reports: its client (padding-box) width and height, as bind:clientWidth gives them. */
export interface ClientSize {
  width: number;
  height: number;
}

export function observeSize(node: HTMLElement, onsize: (size: ClientSize) => void) {
  let report = onsize;
  const ro = new ResizeObserver(() => report({ width: node.clientWidth, height: node.clientHeight }));
  ro.observe(node);
  return {
    update(next: (size: ClientSize) => void) {
      report = next;
    },
    destroy() {
      ro.disconnect();
    },
  };
}
