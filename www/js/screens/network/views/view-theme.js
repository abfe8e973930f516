// The network views' colours beyond the plot tokens: key in the theme → CSS custom property
// (www/css/network-views.css and lab.css), read with ui/theme.js readTheme(element,
// NETWORK_TOKENS), so CSS stays the single source of every colour and dark mode follows it.
// Used by drawNetworkDiagram (draw/network-diagram.js) and drawMeterBar (draw/meter-bars.js).

export const NETWORK_TOKENS = Object.freeze({
  unitBorder: '--unit-border',
  positive: '--weight-positive',
  negative: '--weight-negative',
  deadFill: '--dead-fill',
  deadInk: '--dead-ink',
  nearlyInk: '--nearly-ink',
  gateInk: '--gate-ink',
  labelBackground: '--trace-label-background',
  track: '--meter-track',
  border: '--border',
  fill: '--meter-fill',
  gradientFill: '--gradient-fill',
  tick: '--meter-tick',
});
