// Sparsity per hidden layer over time, for the sparsity chart. The core's history keeps the
// sparsity of all hidden layers together; this keeps each layer's, taken from the statistics
// the screen measures anyway (at most 10 times a second while playing, every step otherwise),
// in records of `2 + layers` numbers: step, all layers, then layer 1 … layer L. Bounded like
// the core's: when full, every other record is dropped, so a long run costs no more. Pure: no
// DOM, no wasm.

/** Records kept at most (as the core's history). */
export const LAYER_HISTORY_RECORDS = 512;

/** A history of per-layer sparsity, for up to `capacity` records. */
export function createLayerHistory(capacity = LAYER_HISTORY_RECORDS) {
  let layers = 0;
  let stride = 2;
  let columns = new Float32Array(capacity * stride);
  let count = 0;

  return {
    /** Numbers a record: step, all layers, then one per layer. */
    get stride() {
      return stride;
    },
    get layers() {
      return layers;
    },
    /** The records (the first `count` × `stride` numbers are in use). */
    get columns() {
      return columns;
    },
    get count() {
      return count;
    },

    /** A new run with `layerCount` hidden layers: forget every record. */
    reset(layerCount) {
      layers = layerCount;
      stride = 2 + layerCount;
      columns = new Float32Array(capacity * stride);
      count = 0;
    },

    /**
     * Record the statistics `train` (with `sparsity` and `layers[].sparsity`) at `step`; a
     * step already recorded last is overwritten (the same step measured again).
     */
    record(step, train) {
      if (train.layers.length !== layers) this.reset(train.layers.length);
      if (count > 0 && columns[(count - 1) * stride] === step) count -= 1;
      else if (count > 0 && step < columns[(count - 1) * stride]) count = 0; // a reset
      if (count === capacity) {
        for (let r = 0; r < capacity / 2; r += 1) columns.copyWithin(r * stride, 2 * r * stride, (2 * r + 1) * stride);
        count = capacity / 2;
      }
      const at = count * stride;
      columns[at] = step;
      columns[at + 1] = train.sparsity;
      train.layers.forEach((layer, index) => {
        columns[at + 2 + index] = layer.sparsity;
      });
      count += 1;
    },
  };
}
