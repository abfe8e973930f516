// Colours of the network views, read from CSS custom properties (www/css/network-views.css and
// lab.css), so CSS stays the single source of every colour and dark mode follows it.
import { readTheme } from '../../../ui/theme.js';

/** The theme for drawNetworkDiagram and drawMeterBar, read on `element`. */
export function readNetworkTheme(element) {
  const style = getComputedStyle(element);
  const read = (name) => style.getPropertyValue(name).trim();
  return {
    ...readTheme(element),
    unitBorder: read('--unit-border'),
    positive: read('--weight-positive'),
    negative: read('--weight-negative'),
    deadFill: read('--dead-fill'),
    deadInk: read('--dead-ink'),
    nearlyInk: read('--nearly-ink'),
    gateInk: read('--gate-ink'),
    labelBackground: read('--trace-label-background'),
    track: read('--meter-track'),
    border: read('--border'),
    fill: read('--meter-fill'),
    gradientFill: read('--gradient-fill'),
    tick: read('--meter-tick'),
  };
}
