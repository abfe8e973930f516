// The unit maps of the network diagram: each hidden unit's activation map at the size its square
// is shown at (coloured at that size by the core, see snapshot.js, or shrunk here from R×R),
// written with one putImageData into the square (no scaled drawImage; connections never enter
// the squares), or kept at R×R and scaled up when the squares are larger than the grid. (Maps
// in canvases of their own, one per column of squares, measured no cheaper to composite than
// this one canvas: issue 13.) The selected unit's map is also kept at full resolution for
// the unit card. Pixel views of wasm memory are copied here and never kept.
import { sampleColumns, scaleUnitMap } from '../../../draw/network-diagram.js';

/**
 * The side in device pixels of a unit square `unitSize` CSS pixels wide: the size its map is
 * shown at (and, when smaller than the grid, coloured at: snapshot.js).
 * @param {number} unitSize
 */
export function mapSideOf(unitSize) {
  return Math.max(1, Math.round(unitSize * (window.devicePixelRatio || 1)));
}

/**
 * The maps of one diagram.
 * @param {{ background: () => string }} options  the colour of a square with no map yet
 */
export function createUnitMaps({ background }) {
  /** @type {(ImageData | null)[][]} per hidden layer, per unit: its map as blitted */
  let maps = [];
  let mapSide = 0; // side of a unit square in canvas pixels
  let grow = false; // squares larger than the grid: maps are kept at R×R and scaled up
  let resolution = 0; // grid side of the unit maps
  let filledFrom = ''; // which grid the map images hold (snapshot.gridKey); '' = unknown
  let ready = false; // whether the map images hold a map yet
  let scaled = { side: 0, resolution: 0, columns: null, words: null };
  let growCanvas = null; // R×R scratch canvas when maps are scaled up
  // A copy of the last paused frame's unit pixels, to repaint the maps after a resize with no
  // frame to come (while playing, the next frame repaints them).
  let savedPixels = null;
  // The selected unit's map at full grid resolution, for the unit card.
  const cardImage = document.createElement('canvas');
  let cardImageOf = ''; // "layer.unit" whose map cardImage holds

  /** Words over a view's bytes (a copy when the view is not 4-byte aligned). */
  function wordsOf(pixels) {
    if (pixels.byteOffset % 4 === 0) return new Uint32Array(pixels.buffer, pixels.byteOffset, pixels.length >> 2);
    if (!scaled.words || scaled.words.length !== pixels.length >> 2) scaled.words = new Uint32Array(pixels.length >> 2);
    new Uint8Array(scaled.words.buffer).set(pixels);
    return scaled.words;
  }

  /**
   * Fill the map images from the pixel view (R×R per unit, one after the other): shrunk to the
   * squares' side, or copied. Skipped when `gridKey` says the grid is the one they already
   * hold. Returns whether they changed.
   */
  function fill(unitPixels, gridKey) {
    const count = maps.reduce((sum, layer) => sum + layer.length, 0);
    const bytes = resolution * resolution * 4;
    if (!unitPixels || !resolution || !count || !mapSide || unitPixels.length < count * bytes) return false;
    const key = gridKey === undefined || gridKey === null ? '' : `${gridKey}`;
    if (key && key === filledFrom) return false;
    let words = null;
    let index = 0;
    for (const layer of maps) {
      for (const image of layer) {
        if (image.width === resolution) {
          image.data.set(unitPixels.subarray(index * bytes, (index + 1) * bytes));
        } else {
          words ??= wordsOf(unitPixels);
          if (scaled.side !== image.width || scaled.resolution !== resolution) {
            scaled = { ...scaled, side: image.width, resolution, columns: sampleColumns(resolution, image.width) };
          }
          const target = new Uint32Array(image.data.buffer);
          scaleUnitMap(words, index * resolution * resolution, resolution, target, image.width, scaled.columns);
        }
        index += 1;
      }
    }
    filledFrom = key;
    ready = true;
    return true;
  }

  return {
    /** A new architecture: `widths[layer]` units per hidden layer, no map yet. */
    reset(widths) {
      maps = widths.map((width) => Array.from({ length: width }, () => null));
      mapSide = 0;
      ready = false;
      filledFrom = '';
      savedPixels = null;
      cardImageOf = '';
    },

    /** The grid side of the maps changed. */
    setResolution(side) {
      if (side === resolution) return false;
      resolution = side;
      savedPixels = null;
      return true;
    },

    /**
     * Size the map images for the squares' side `unitSize` (CSS pixels): that side in canvas
     * pixels when it is at most the grid's (shrunk in JS, blitted), else R×R (scaled up by
     * drawImage). New images are refilled from the last paused frame's pixels, if any.
     */
    size(unitSize) {
      if (!resolution) return;
      const side = mapSideOf(unitSize);
      const larger = side > resolution;
      const imageSide = larger ? resolution : side;
      if (side === mapSide && maps.every((layer) => layer.every((image) => image?.width === imageSide))) return;
      mapSide = side;
      grow = larger;
      maps = maps.map((layer) => layer.map(() => new ImageData(imageSide, imageSide)));
      filledFrom = '';
      ready = false;
      if (savedPixels) fill(savedPixels, null);
    },

    fill,

    /** The next frame must fill the maps again (they were not painted while out of view). */
    forget() {
      filledFrom = '';
    },

    /** Keep a copy of a paused frame's pixels (see savedPixels); none while playing. */
    keep(unitPixels, playing, changed) {
      if (playing) savedPixels = null;
      else if (unitPixels?.length && (changed || !savedPixels)) {
        if (savedPixels?.length !== unitPixels.length) savedPixels = new Uint8ClampedArray(unitPixels.length);
        savedPixels.set(unitPixels);
      }
    },

    /** Put every unit's map into its square of `canvas` (`geometry`: diagramGeometry). */
    blit(canvas, geometry) {
      const ctx = canvas.getContext('2d');
      if (!ready || !mapSide) {
        // No map yet: plain squares.
        ctx.fillStyle = background();
        for (const column of geometry.columns.slice(1, -1)) {
          for (const node of column) ctx.fillRect(node.x, node.y, node.size, node.size);
        }
        return;
      }
      const ratio = canvas.width / geometry.width;
      if (grow) {
        growCanvas ??= document.createElement('canvas');
        growCanvas.width = resolution;
        growCanvas.height = resolution;
      }
      const scratch = growCanvas?.getContext('2d');
      maps.forEach((layer, layerIndex) =>
        layer.forEach((image, unit) => {
          const node = geometry.columns[layerIndex + 1][unit];
          if (!grow) {
            ctx.putImageData(image, Math.round(node.x * ratio), Math.round(node.y * ratio));
          } else {
            scratch.putImageData(image, 0, 0);
            ctx.imageSmoothingEnabled = true;
            ctx.drawImage(growCanvas, node.x, node.y, node.size, node.size);
          }
        }),
      );
    },

    /** Keep unit `index`'s (over all layers) full-resolution map for the card, as "layer.unit". */
    copyCard(unitPixels, index, name) {
      if (!unitPixels || !resolution) return;
      const bytes = resolution * resolution * 4;
      const slice = unitPixels.subarray(index * bytes, (index + 1) * bytes);
      if (slice.length !== bytes) return;
      if (cardImage.width !== resolution) cardImage.width = resolution;
      if (cardImage.height !== resolution) cardImage.height = resolution;
      cardImage.getContext('2d').putImageData(new ImageData(slice, resolution, resolution), 0, 0);
      cardImageOf = name;
    },

    /** The card's image of unit "layer.unit", or null when there is none yet. */
    cardImage(name) {
      return ready && cardImageOf === name ? cardImage : null;
    },
  };
}
