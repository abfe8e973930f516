// A stand-in for CanvasRenderingContext2D that records what is drawn, for testing the pure
// draw functions of www/js/draw/ in Node. It keeps the drawing state a real context keeps
// (styles, line dash, alpha, font, text alignment, the transform, save/restore) and the
// current path, and writes one entry per visible operation with the state in force then:
//
//   { op: 'stroke' | 'fill', subpaths: [[{ x, y }, …], …], ...state }   a path drawn
//   { op: 'fillRect' | 'strokeRect' | 'clearRect', x, y, width, height, ...state }
//   { op: 'fillText', text, x, y, ...state }
//   { op: 'drawImage', image, x, y, width, height, ...state }
//   { op: 'putImageData', imageData, x, y }
//   { op: 'clip', subpaths }
//
// Coordinates are canvas coordinates (the transform applied); a rectangle under a rotation
// keeps its transformed corner and its untransformed size. Arcs are recorded as their centre
// ({ x, y, arc: { radius } }), which is where a test asks whether a mark landed.

const STATE_KEYS = [
  'fillStyle',
  'strokeStyle',
  'lineWidth',
  'lineCap',
  'lineJoin',
  'globalAlpha',
  'font',
  'textAlign',
  'textBaseline',
  'imageSmoothingEnabled',
  'imageSmoothingQuality',
];

const INITIAL_STATE = {
  fillStyle: '#000000',
  strokeStyle: '#000000',
  lineWidth: 1,
  lineCap: 'butt',
  lineJoin: 'miter',
  globalAlpha: 1,
  font: '10px sans-serif',
  textAlign: 'start',
  textBaseline: 'alphabetic',
  imageSmoothingEnabled: true,
  imageSmoothingQuality: 'low',
};

/** A recording 2-D context for a canvas of `width` × `height`. */
export function createRecordingContext(width = 300, height = 150) {
  /** Everything drawn, in order. */
  const log = [];
  let state = { ...INITIAL_STATE, lineDash: [], transform: [1, 0, 0, 1, 0, 0], clipped: false };
  const stack = [];
  let subpaths = [];

  const apply = (x, y) => {
    const [a, b, c, d, e, f] = state.transform;
    return { x: a * x + c * y + e, y: b * x + d * y + f };
  };
  const snapshot = () => {
    const copy = {};
    for (const key of STATE_KEYS) copy[key] = state[key];
    copy.lineDash = [...state.lineDash];
    copy.clipped = state.clipped;
    return copy;
  };
  const current = () => {
    if (subpaths.length === 0) subpaths.push([]);
    return subpaths.at(-1);
  };
  const multiply = ([a2, b2, c2, d2, e2, f2]) => {
    const [a, b, c, d, e, f] = state.transform;
    state.transform = [
      a * a2 + c * b2,
      b * a2 + d * b2,
      a * c2 + c * d2,
      b * c2 + d * d2,
      a * e2 + c * f2 + e,
      b * e2 + d * f2 + f,
    ];
  };
  const rectangle = (op, x, y, w, h) => log.push({ op, ...apply(x, y), width: w, height: h, ...snapshot() });

  const ctx = {
    canvas: { width, height },
    save() {
      stack.push({ ...state, lineDash: [...state.lineDash], transform: [...state.transform] });
    },
    restore() {
      if (stack.length > 0) state = stack.pop();
    },
    // Paths.
    beginPath() {
      subpaths = [];
    },
    moveTo(x, y) {
      subpaths.push([apply(x, y)]);
    },
    lineTo(x, y) {
      current().push(apply(x, y));
    },
    closePath() {
      const path = current();
      if (path.length > 0) path.push({ ...path[0] });
    },
    rect(x, y, w, h) {
      subpaths.push([apply(x, y), apply(x + w, y), apply(x + w, y + h), apply(x, y + h), apply(x, y)]);
    },
    arc(x, y, radius) {
      subpaths.push([{ ...apply(x, y), arc: { radius } }]);
    },
    ellipse(x, y, radiusX) {
      subpaths.push([{ ...apply(x, y), arc: { radius: radiusX } }]);
    },
    quadraticCurveTo(_cx, _cy, x, y) {
      current().push(apply(x, y));
    },
    bezierCurveTo(_c1x, _c1y, _c2x, _c2y, x, y) {
      current().push(apply(x, y));
    },
    stroke() {
      log.push({ op: 'stroke', subpaths: subpaths.map((p) => [...p]), ...snapshot() });
    },
    fill() {
      log.push({ op: 'fill', subpaths: subpaths.map((p) => [...p]), ...snapshot() });
    },
    clip() {
      state.clipped = true;
      log.push({ op: 'clip', subpaths: subpaths.map((p) => [...p]) });
    },
    // Rectangles, text, images.
    fillRect(x, y, w, h) {
      rectangle('fillRect', x, y, w, h);
    },
    strokeRect(x, y, w, h) {
      rectangle('strokeRect', x, y, w, h);
    },
    clearRect(x, y, w, h) {
      rectangle('clearRect', x, y, w, h);
    },
    fillText(text, x, y) {
      log.push({ op: 'fillText', text: String(text), ...apply(x, y), ...snapshot() });
    },
    strokeText(text, x, y) {
      log.push({ op: 'strokeText', text: String(text), ...apply(x, y), ...snapshot() });
    },
    measureText(text) {
      const size = Number(/(\d+(?:\.\d+)?)px/.exec(state.font)?.[1] ?? 10);
      return { width: String(text).length * size * 0.6 };
    },
    drawImage(image, ...args) {
      // drawImage(image, dx, dy), (image, dx, dy, dw, dh) or (image, sx, sy, sw, sh, dx, dy, dw, dh).
      const [x, y, w, h] = args.length === 8 ? args.slice(4) : args;
      log.push({ op: 'drawImage', image, ...apply(x, y), width: w ?? image.width, height: h ?? image.height, ...snapshot() });
    },
    putImageData(imageData, x, y) {
      log.push({ op: 'putImageData', imageData, x, y });
    },
    createImageData(w, h) {
      return { width: w, height: h, data: new Uint8ClampedArray(w * h * 4) };
    },
    // Line dash and transforms.
    setLineDash(segments) {
      state.lineDash = [...segments];
    },
    getLineDash() {
      return [...state.lineDash];
    },
    translate(x, y) {
      multiply([1, 0, 0, 1, x, y]);
    },
    scale(x, y) {
      multiply([x, 0, 0, y, 0, 0]);
    },
    rotate(angle) {
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      multiply([cos, sin, -sin, cos, 0, 0]);
    },
    setTransform(a, b, c, d, e, f) {
      state.transform = [a, b, c, d, e, f];
    },
    resetTransform() {
      state.transform = [1, 0, 0, 1, 0, 0];
    },
  };
  for (const key of STATE_KEYS) {
    Object.defineProperty(ctx, key, {
      get: () => state[key],
      set: (value) => {
        state[key] = value;
      },
      enumerable: true,
    });
  }
  return { ctx, log };
}

/** The entries of `log` with operation `op` (and, optionally, matching `where`). */
export function drawn(log, op, where = () => true) {
  return log.filter((entry) => entry.op === op && where(entry));
}

/** Every point of a stroke or fill entry, all subpaths together. */
export function pointsOf(entry) {
  return entry.subpaths.flat();
}

/** Whether (x, y) lies in `frame` ({ left, top, width, height }), with `slack` pixels. */
export function inFrame({ x, y }, frame, slack = 0.5) {
  return (
    x >= frame.left - slack &&
    x <= frame.left + frame.width + slack &&
    y >= frame.top - slack &&
    y <= frame.top + frame.height + slack
  );
}
