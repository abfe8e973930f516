// Seeds for the experiments: every random draw of a run comes from seeds derived from its one
// base `seed` parameter, so the same parameters give the same results in the page, in the
// worker and in Node, and a link reproduces them. Pure functions; no DOM, no wasm.

/** Largest seed the core accepts (2^53 − 1). */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/** One 32-bit mixing round (the finaliser of MurmurHash3). */
function mix32(value) {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** The 32-bit hash of a string, number or array item, for `deriveSeed`. */
function hashPart(part) {
  const text = String(part);
  let h = 0x9e3779b9;
  for (let i = 0; i < text.length; i += 1) h = mix32(h ^ text.charCodeAt(i)) + i;
  return h >>> 0;
}

/**
 * A seed for the core (an integer from 0 to 2^53 − 1) from the base seed and the parts that
 * name one draw (experiment id, cell, net index…): the same parts give the same seed, different
 * parts practically never collide.
 * @param {number} base
 * @param {...(string | number)} parts
 */
export function deriveSeed(base, ...parts) {
  let high = mix32(Math.floor(base / 2 ** 32) ^ 0x5bd1e995);
  let low = mix32(base >>> 0);
  for (const part of parts) {
    const h = hashPart(part);
    low = mix32(low ^ h);
    high = mix32(high ^ Math.imul(h, 0x27d4eb2f) ^ low);
  }
  // 21 bits of `high` and 32 of `low`: below 2^53.
  return (high & 0x1fffff) * 2 ** 32 + low;
}

/**
 * A small seeded generator (mulberry32) for draws made in JS: `next()` is uniform in [0, 1).
 * @param {number} seed
 */
export function createRandom(seed) {
  let state = (seed >>> 0) ^ mix32(Math.floor(seed / 2 ** 32));
  return {
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}
