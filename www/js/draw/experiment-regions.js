// The Experiments screen's picture of a network's linear regions on the plane: every grid point
// coloured by its region (the points where every hidden unit is on the same side of 0), regions
// that touch never sharing a colour, and the borders between regions drawn in the ink colour so
// the picture reads without colour too. Pure: draws on the 2-D context it is given.

const MARGIN = Object.freeze({ left: 40, right: 10, top: 10, bottom: 40 });

/**
 * A colour slot for every region, so that regions touching on the grid differ: greedy
 * colouring in order of first appearance with `slots` colours (a slot is reused only when no
 * neighbour has it; with too few slots a neighbour may share one).
 * @param {ArrayLike<number>} region per grid point, row after row
 * @param {number} resolution points per side
 * @param {number} count regions
 * @param {number} slots
 */
export function regionSlots(region, resolution, count, slots) {
  const neighbours = Array.from({ length: count }, () => new Set());
  for (let row = 0; row < resolution; row += 1) {
    for (let column = 0; column < resolution; column += 1) {
      const here = region[row * resolution + column];
      const right = column + 1 < resolution ? region[row * resolution + column + 1] : here;
      const below = row + 1 < resolution ? region[(row + 1) * resolution + column] : here;
      for (const other of [right, below]) {
        if (other !== here) {
          neighbours[here].add(other);
          neighbours[other].add(here);
        }
      }
    }
  }
  const slot = new Array(count).fill(-1);
  for (let r = 0; r < count; r += 1) {
    const taken = new Set([...neighbours[r]].map((n) => slot[n]));
    let choice = 0;
    while (taken.has(choice) && choice < slots - 1) choice += 1;
    slot[r] = taken.has(choice) ? r % slots : choice;
  }
  return slot;
}

/**
 * Draw the regions. data: { resolution, region (per point, row 0 at the top), count, domain };
 * theme: { background, ink, muted, font, regions: colours }. Returns the frame.
 * @param {CanvasRenderingContext2D} ctx
 */
export function drawExperimentRegions(ctx, width, height, data, theme) {
  const side = Math.max(1, Math.min(width - MARGIN.left - MARGIN.right, height - MARGIN.top - MARGIN.bottom));
  const frame = { left: MARGIN.left + Math.max(0, (width - MARGIN.left - MARGIN.right - side) / 2), top: MARGIN.top, width: side, height: side };
  const { resolution: r, region, count, domain } = data;
  const colours = theme.regions.length > 0 ? theme.regions : [theme.muted];
  const slots = regionSlots(region, r, count, colours.length);
  const cell = side / r;
  ctx.save();
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width, height);
  // One path per colour for the runs of equal region along each row, one path for the borders.
  const paths = colours.map(() => []);
  for (let row = 0; row < r; row += 1) {
    let start = 0;
    for (let column = 1; column <= r; column += 1) {
      const id = region[row * r + start];
      if (column < r && region[row * r + column] === id) continue;
      paths[slots[id] % colours.length].push([frame.left + start * cell, frame.top + row * cell, (column - start) * cell + 0.5, cell + 0.5]);
      start = column;
    }
  }
  paths.forEach((rects, i) => {
    if (rects.length === 0) return;
    ctx.fillStyle = colours[i];
    ctx.beginPath();
    for (const [x, y, w, h] of rects) ctx.rect(x, y, w, h);
    ctx.fill();
  });
  // Borders: a line along every cell edge between two regions.
  ctx.fillStyle = theme.ink;
  ctx.beginPath();
  for (let row = 0; row < r; row += 1) {
    for (let column = 0; column < r; column += 1) {
      const here = region[row * r + column];
      const x = frame.left + column * cell;
      const y = frame.top + row * cell;
      if (column + 1 < r && region[row * r + column + 1] !== here) ctx.rect(x + cell - 0.5, y, 1, cell + 0.5);
      if (row + 1 < r && region[(row + 1) * r + column] !== here) ctx.rect(x, y + cell - 0.5, cell + 0.5, 1);
    }
  }
  ctx.fill();
  ctx.strokeStyle = theme.muted;
  ctx.lineWidth = 1;
  ctx.strokeRect(frame.left + 0.5, frame.top + 0.5, side - 1, side - 1);
  ctx.fillStyle = theme.ink;
  ctx.font = `12px ${theme.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const label = (v) => String(v).replace('-', '−');
  ctx.fillText(label(-domain), frame.left, frame.top + side + 4);
  ctx.fillText(label(domain), frame.left + side, frame.top + side + 4);
  ctx.font = `italic 13px ${theme.font}`;
  ctx.fillText('x₁', frame.left + side / 2, frame.top + side + 18);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  ctx.font = `12px ${theme.font}`;
  ctx.fillText(label(domain), frame.left - 5, frame.top + 6);
  ctx.fillText(label(-domain), frame.left - 5, frame.top + side - 6);
  ctx.font = `italic 13px ${theme.font}`;
  ctx.fillText('x₂', frame.left - 8, frame.top + side / 2);
  ctx.restore();
  return frame;
}
