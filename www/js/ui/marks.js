// Inline SVG marks for legends, matching the point marks the draw functions paint
// (draw/decision-map.js drawPointMark): a circle for class 0, a triangle for class 1, filled for
// training points and outlined for test points, so the two classes differ by shape, not only
// by colour.

/**
 * @param {'circle' | 'triangle'} shape
 * @param {{ filled?: boolean, classIndex: 0 | 1 }} options
 */
export function markSvg(shape, { filled = true, classIndex }) {
  const body = shape === 'triangle' ? '<polygon points="8,2.5 14,13 2,13"/>' : '<circle cx="8" cy="8" r="5"/>';
  const classes = `mark mark--class${classIndex}${filled ? ' mark--filled' : ''}`;
  return `<svg class="${classes}" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${body}</svg>`;
}
