// The observers a network view keeps while it is mounted: its width, the colour scheme,
// whether its scrolling region scrolls, and whether it is on screen. One call starts them, and
// the function it returns stops them all (the views' destroy()).
import { watchMedia, watchScrollable, watchVisible, watchWidth } from '../../../ui/observe.js';

/**
 * Watch the view `root`: onWidth(width) when its width changes (and once at the start),
 * onScheme() when the colour scheme flips, onVisible(visible) when it enters or leaves the
 * viewport; `scroller` is a focusable region named `label` while its content overflows.
 * @param {Element} root
 * @param {{ scroller: HTMLElement, label: string, onWidth: (width: number) => void,
 *   onScheme: () => void, onVisible: (visible: boolean) => void }} handlers
 * @returns {() => void} stop
 */
export function watchView(root, { scroller, label, onWidth, onScheme, onVisible }) {
  const stops = [
    watchWidth(root, onWidth),
    watchMedia('(prefers-color-scheme: dark)', () => onScheme()).stop,
    watchScrollable(scroller, label),
    watchVisible(root, onVisible),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
