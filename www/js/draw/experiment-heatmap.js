// The Experiments screen's heat map: one cell per (column, row) value with the number written
// in it, a one-hue ramp from the plot background (0) to the curve colour (1), so it reads
// without colour too. Pure: draws on the 2-D context it is given, never touches wasm.

/** Space around the cells: tick labels on the left and at the bottom, titles outside them. */
const MARGIN = Object.freeze({ left: 62, right: 10, top: 10, bottom: 46 });

/**
 * The rectangle of every cell, for drawing and for finding the cell under a pointer.
 * @param {number} width CSS pixels
 * @param {number} height
 * @param {{ columns: any[], rows: any[] }} data
 */
export function heatmapLayout(width, height, { columns, rows }) {
  const frame = { left: MARGIN.left, top: MARGIN.top, width: Math.max(1, width - MARGIN.left - MARGIN.right), height: Math.max(1, height - MARGIN.top - MARGIN.bottom) };
  const cellWidth = frame.width / Math.max(1, columns.length);
  const cellHeight = frame.height / Math.max(1, rows.length);
  const cells = [];
  rows.forEach((row, r) => {
    columns.forEach((column, c) => {
      cells.push({ column: c, row: r, x: frame.left + c * cellWidth, y: frame.top + r * cellHeight, width: cellWidth, height: cellHeight });
    });
  });
  return { frame, cells, cellWidth, cellHeight };
}

/** The cell of a layout under the point (x, y), or null. */
export function heatmapCellAt(layout, x, y) {
  return layout.cells.find((cell) => x >= cell.x && x < cell.x + cell.width && y >= cell.y && y < cell.y + cell.height) ?? null;
}

/** "#rrggbb", "#rgb" or "rgb(r, g, b)" → [r, g, b]; black for anything else. */
export function parseColor(text) {
  const value = String(text).trim();
  let match = /^#([0-9a-f]{3})$/i.exec(value);
  if (match) return [...match[1]].map((digit) => parseInt(digit + digit, 16));
  match = /^#([0-9a-f]{6})/i.exec(value);
  if (match) return [0, 2, 4].map((at) => parseInt(match[1].slice(at, at + 2), 16));
  match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(value);
  if (match) return [Number(match[1]), Number(match[2]), Number(match[3])];
  return [0, 0, 0];
}

/** The colour at t (0–1) between `low` and `high`. */
export function mixColor(low, high, t) {
  const a = parseColor(low);
  const b = parseColor(high);
  const channel = (i) => Math.round(a[i] + (b[i] - a[i]) * t);
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}

/** Relative luminance (WCAG) of a colour. */
function luminance(color) {
  const [r, g, b] = parseColor(color).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Of `ink` and `background`, the one with the better contrast on `fill`. */
function textOn(fill, ink, background) {
  const contrast = (a, b) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  const l = luminance(fill);
  return contrast(l, luminance(ink)) >= contrast(l, luminance(background)) ? ink : background;
}

/**
 * Draw the heat map.
 * data: { columns: labels, rows: labels, values: rows × columns numbers in [0, 1] (null: not
 *         measured yet), label(value) → text in the cell, xLabel, yLabel, selected?: { row, column } }
 * theme: { background, ink, muted, grid, curve, font }
 * @param {CanvasRenderingContext2D} ctx
 * @param {number} width
 * @param {number} height
 */
export function drawExperimentHeatmap(ctx, width, height, data, theme) {
  const layout = heatmapLayout(width, height, data);
  ctx.save();
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width, height);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const fontSize = Math.max(10, Math.min(14, Math.floor(layout.cellHeight * 0.5), Math.floor(layout.cellWidth / 3.2)));
  ctx.font = `${fontSize}px ${theme.font}`;
  for (const cell of layout.cells) {
    const value = data.values[cell.row]?.[cell.column];
    if (value === null || value === undefined) {
      ctx.strokeStyle = theme.grid;
      ctx.setLineDash([3, 3]);
      ctx.strokeRect(cell.x + 1.5, cell.y + 1.5, cell.width - 3, cell.height - 3);
      ctx.setLineDash([]);
      continue;
    }
    const fill = mixColor(theme.background, theme.curve, Math.min(1, Math.max(0, value)));
    ctx.fillStyle = fill;
    ctx.fillRect(cell.x, cell.y, cell.width, cell.height);
    ctx.fillStyle = textOn(fill, theme.ink, theme.background);
    ctx.fillText(data.label(value), cell.x + cell.width / 2, cell.y + cell.height / 2);
  }
  // Cell borders, then the selected cell's thicker outline.
  ctx.strokeStyle = theme.grid;
  ctx.lineWidth = 1;
  for (const cell of layout.cells) ctx.strokeRect(cell.x + 0.5, cell.y + 0.5, cell.width, cell.height);
  if (data.selected) {
    const cell = layout.cells.find((c) => c.row === data.selected.row && c.column === data.selected.column);
    if (cell) {
      ctx.strokeStyle = theme.ink;
      ctx.lineWidth = 3;
      ctx.strokeRect(cell.x + 1.5, cell.y + 1.5, cell.width - 3, cell.height - 3);
    }
  }
  drawHeatmapAxes(ctx, layout, data, theme);
  ctx.restore();
  return layout;
}

function drawHeatmapAxes(ctx, layout, data, theme) {
  const { frame } = layout;
  ctx.fillStyle = theme.ink;
  ctx.font = `12px ${theme.font}`;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'center';
  data.columns.forEach((label, c) => ctx.fillText(String(label), frame.left + (c + 0.5) * layout.cellWidth, frame.top + frame.height + 4));
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  data.rows.forEach((label, r) => ctx.fillText(String(label), frame.left - 6, frame.top + (r + 0.5) * layout.cellHeight));
  ctx.font = `italic 13px ${theme.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(data.xLabel, frame.left + frame.width / 2, frame.top + frame.height + 40);
  ctx.save();
  ctx.translate(14, frame.top + frame.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(data.yLabel, 0, 0);
  ctx.restore();
}
