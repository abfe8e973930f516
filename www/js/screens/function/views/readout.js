// The Function screen's numbers and words: the readout table at the probe and the probe's
// spoken value, where each function is nearly flat (and the canvas's name), what each does with
// the negative inputs, the zoom's labels, and ReLU's slopes at 0. Writes what it is given; no wasm.
import { formatNumber } from '../../../text/format.js';
import { activationName } from '../../../text/names.js';
import { setAttribute, setText } from '../../../ui/dom.js';
import { swatchSvg } from '../catalog.js';
import { negativeCells, roundingNote } from '../negative.js';
import { FLAT_THRESHOLD } from '../state.js';

/** "x from −5 to 5", the zoom's spoken value. */
const rangeText = (range) => `x from \u2212${range} to ${range}`;

/** The readout view of the screen's `element`; `probe` is the handle, `canvas` the plot. */
export function createReadoutView(element, { probe, canvas }) {
  const $ = (selector) => element.querySelector(selector);
  const rows = $('[data-part="readout-rows"]');
  const negativeRows = $('[data-part="negative-rows"]');
  const zoom = $('[data-role="zoom"]');
  const fields = {
    rangeA: $('[data-field="range-a"]'),
    rangeB: $('[data-field="range-b"]'),
    probeX: $('[data-field="probe-x"]'),
    flat: $('[data-field="flat"]'),
    leftSlope: $('[data-field="left-slope"]'),
    rightSlope: $('[data-field="right-slope"]'),
    zeroSlope: $('[data-field="zero-slope"]'),
    negativeRange: $('[data-field="negative-range"]'),
    negativeCount: $('[data-field="negative-count"]'),
    rounding: $('[data-field="negative-rounding"]'),
  };

  return {
    /**
     * The table of f and f′ at the probe (`points`: model.probeValues) and the probe's range;
     * with `speak`, also its value and spoken text (left alone during a drag: no chatter per pixel).
     */
    showProbe(points, state, { speak }) {
      setText(fields.probeX, `x = ${formatNumber(state.probe)}`);
      rows.innerHTML = points.length
        ? points
            .map(
              ({ name, value, slope }) =>
                `<tr data-name="${name}"><th scope="row"><span class="fn-readout__name">${swatchSvg(name)}${activationName(name)}</span></th>` +
                `<td data-value="${value}">${formatNumber(value)}</td><td data-value="${slope}">${formatNumber(slope)}</td></tr>`,
            )
            .join('')
        : '<tr><td colspan="3">No function selected: tick one above.</td></tr>';
      setAttribute(probe, 'aria-valuemin', String(-state.range));
      setAttribute(probe, 'aria-valuemax', String(state.range));
      if (!speak) return;
      const spoken = points.map(
        ({ name, value, slope }) => `${activationName(name)} ${formatNumber(value)}, slope ${formatNumber(slope)}`,
      );
      setAttribute(probe, 'aria-valuenow', String(state.probe));
      setAttribute(probe, 'aria-valuetext', `x = ${formatNumber(state.probe)}${spoken.length ? `: ${spoken.join('; ')}` : ''}`);
    },

    /** Where each of `curves` (model.sampleCurves) is nearly flat, and the canvas's name. */
    showFlat(curves, state) {
      const { range } = state;
      const edge = (v) => (Math.abs(Math.abs(v) - range) < 1e-9 ? formatNumber(v) : `about ${formatNumber(v, 2)}`);
      const parts = curves.map((curve) => {
        const name = activationName(curve.name);
        if (!curve.flat.length) return `${name} nowhere`;
        return `${name} ${curve.flat.map(([a, b]) => `from ${edge(a)} to ${edge(b)}`).join(' and ')}`;
      });
      setText(
        fields.flat,
        parts.length
          ? `Nearly flat, |f\u2032(x)| < ${FLAT_THRESHOLD}, between x = \u2212${range} and ${range}: ${parts.join('; ')}.`
          : 'No function selected.',
      );
      const list = curves.map((curve) => activationName(curve.name)).join(', ') || 'no function';
      setAttribute(
        canvas,
        'aria-label',
        `Three stacked panels over x from \u2212${range} to ${range}: ${list} (top), ` +
          'their slopes (middle), and hatched bars where each slope is nearly flat (bottom). ' +
          `The half x < 0 is shaded. A dashed probe line marks x = ${formatNumber(state.probe)}.`,
      );
    },

    /**
     * The table of what each of `curves` (model.sampleCurves) does with x < 0: the share mapped
     * to exactly 0 and the slope there, counted on the core's samples; and, where a smooth
     * function shows exact zeros, why.
     */
    showNegative(curves, state) {
      if (!negativeRows) return;
      setText(fields.negativeRange, `\u2212${state.range}`);
      setText(fields.negativeCount, String(curves[0]?.negative.count ?? 0));
      negativeRows.innerHTML = curves.length
        ? curves
            .map((curve) => {
              const cells = negativeCells(curve.negative);
              return (
                `<tr data-name="${curve.name}" data-zeros="${curve.negative.zeros}" data-count="${curve.negative.count}">` +
                `<th scope="row"><span class="fn-readout__name">${swatchSvg(curve.name)}${activationName(curve.name)}</span></th>` +
                `<td>${cells.value}</td><td>${cells.slope}</td></tr>`
              );
            })
            .join('')
        : '<tr><td colspan="3">No function selected: tick one above.</td></tr>';
      const note = roundingNote(curves);
      setText(fields.rounding, note);
      fields.rounding.hidden = note === '';
    },

    /** The zoom's labels and spoken value for the half-width `range`. */
    showRange(range) {
      setText(fields.rangeA, String(range));
      setText(fields.rangeB, String(range));
      setAttribute(zoom, 'aria-valuetext', rangeText(range));
    },

    /** ReLU's slopes just left of, just right of and at 0 (model.reluSlopesAtZero). */
    showZero({ left, right, zero }) {
      setText(fields.leftSlope, formatNumber(left));
      setText(fields.rightSlope, formatNumber(right));
      setText(fields.zeroSlope, formatNumber(zero));
    },
  };
}
