// How the Function screen draws each activation the core offers: a line style (colour slot,
// dash, probe marker, width). No two activations share both a colour and a dash pattern, so
// curves stay distinct without colour (and in grey scale); the probe marker shapes tell them
// apart too. Their names come from text/names.js, like everywhere else.

/** Colour slots are CSS custom properties --fn-1 … --fn-6 (light and dark in function.css). */
export const COLOR_SLOTS = 6;

const SOLID = [];
const DASHED = [9, 5];
const DOTTED = [2, 4];
const DASH_DOT = [10, 4, 2, 4];
const LONG_DASH = [16, 5];

/** Activation name → { slot (1-based colour), dash, marker, lineWidth }. */
export const ACTIVATION_STYLES = Object.freeze({
  relu: { slot: 1, dash: SOLID, marker: 'circle', lineWidth: 3 },
  'leaky-relu': { slot: 2, dash: SOLID, marker: 'diamond', lineWidth: 2.25 },
  prelu: { slot: 3, dash: DASHED, marker: 'circle', lineWidth: 2.25 },
  elu: { slot: 4, dash: SOLID, marker: 'triangle', lineWidth: 2.25 },
  relu6: { slot: 1, dash: DASHED, marker: 'square', lineWidth: 2.25 },
  gelu: { slot: 4, dash: DOTTED, marker: 'diamond', lineWidth: 2.5 },
  'gelu-tanh': { slot: 6, dash: DASHED, marker: 'square', lineWidth: 2.25 },
  silu: { slot: 5, dash: LONG_DASH, marker: 'triangle-down', lineWidth: 2.25 },
  softplus: { slot: 6, dash: SOLID, marker: 'triangle', lineWidth: 2.25 },
  sigmoid: { slot: 2, dash: DASHED, marker: 'square', lineWidth: 2.5 },
  tanh: { slot: 3, dash: DASH_DOT, marker: 'triangle', lineWidth: 2.5 },
  linear: { slot: 5, dash: DOTTED, marker: 'square', lineWidth: 2 },
});

/** The style of `name`, with a fallback for a name a newer core might add. */
export function activationStyle(name) {
  return (
    ACTIVATION_STYLES[name] ?? {
      slot: 5,
      dash: DASHED,
      marker: 'circle',
      lineWidth: 2,
    }
  );
}

/** SVG markup of a marker shape in a 12×12 box centred on (cx, cy), for legends. */
function markerSvg(shape, cx, cy) {
  const r = 3.6;
  switch (shape) {
    case 'square':
      return `<rect x="${cx - r}" y="${cy - r}" width="${2 * r}" height="${2 * r}"/>`;
    case 'triangle':
      return `<polygon points="${cx},${cy - 4.4} ${cx + 4.2},${cy + 2.8} ${cx - 4.2},${cy + 2.8}"/>`;
    case 'triangle-down':
      return `<polygon points="${cx},${cy + 4.4} ${cx + 4.2},${cy - 2.8} ${cx - 4.2},${cy - 2.8}"/>`;
    case 'diamond':
      return `<polygon points="${cx},${cy - 4.6} ${cx + 4},${cy} ${cx},${cy + 4.6} ${cx - 4},${cy}"/>`;
    default:
      return `<circle cx="${cx}" cy="${cy}" r="${r}"/>`;
  }
}

/**
 * A legend sample for `name`: its line (colour and dash) with its probe marker in the middle.
 * Styled by function.css through the class `fn-swatch--<slot>`.
 */
export function swatchSvg(name) {
  const style = activationStyle(name);
  const dash = style.dash.length ? ` stroke-dasharray="${style.dash.join(' ')}"` : '';
  return (
    `<svg class="fn-swatch fn-swatch--${style.slot}" viewBox="0 0 44 14" aria-hidden="true" focusable="false">` +
    `<line x1="1" y1="7" x2="43" y2="7" stroke-width="${Math.min(3, style.lineWidth)}"${dash}/>` +
    `<g class="fn-swatch__marker">${markerSvg(style.marker, 22, 7)}</g></svg>`
  );
}
