// The sum of hinges' views: the fit plot and the units' parts (drawn by the pure
// draw/hinges.js), the readout, and the words: the canvas's name, the parts in text, the table
// of units and what the live region says. They show a snapshot (hinge-model.js measure) and
// never call the core.
import { drawHingeFit, drawHingeParts, hingeFitHeight, hingePartsLayout } from '../../../draw/hinges.js';
import { formatInteger, formatNumber } from '../../../text/format.js';
import { sizeCanvas } from '../../../ui/canvas.js';
import { announce, setData, setText } from '../../../ui/dom.js';
import { watchMedia, watchWidth } from '../../../ui/observe.js';
import { readTheme } from '../../../ui/theme.js';
import { POINT_Y, targetLabel } from './hinge-state.js';

/**
 * The plot's y range: the editor's box while editing points, else the target's values and
 * [0, 1], with a margin.
 */
function yDomain(target, ys) {
  if (target === 'points') return POINT_Y;
  let low = 0;
  let high = 1;
  for (const y of ys) {
    low = Math.min(low, y);
    high = Math.max(high, y);
  }
  return [low - 0.25, high + 0.25];
}

/** The parts' shared y half-range: at least 0.5, in quarter steps so that it stays stable. */
function partsScale(parts) {
  let largest = 0;
  for (const part of parts) for (const v of part) largest = Math.max(largest, Math.abs(v));
  largest = Math.max(0.5, largest);
  return Number((Math.ceil(largest * 4) / 4).toFixed(2));
}

/** A unit in a few words: dead, where it bends, or straight on the domain. */
function unitWords(unit) {
  if (unit.dead) return `unit ${unit.index + 1} dead`;
  if (unit.hinge !== null) return `unit ${unit.index + 1} bends at x = ${formatNumber(unit.hinge, 2)}`;
  return `unit ${unit.index + 1} straight on the domain`;
}

/** The drawings of the sum of hinges inside `element`. */
export function createHingePlots(element) {
  const fitCanvas = element.querySelector('.nu-fit canvas');
  const partsCanvas = element.querySelector('.nu-parts canvas');
  const partsScaleField = element.querySelector('[data-field="parts-scale"]');
  return {
    fitCanvas,
    fitHolder: element.querySelector('.nu-fit__canvas'),
    partsHolder: element.querySelector('.nu-parts'),
    /**
     * Draw `snapshot` (hinge-model.js measure) of `model` for `target` at the widths given,
     * with `theme` (ui/theme.js readTheme).
     */
    draw({ snapshot, model, target, fitWidth, partsWidth, theme }) {
      if (fitWidth) {
        const height = hingeFitHeight(fitWidth);
        const points = model.points();
        drawHingeFit(sizeCanvas(fitCanvas, fitWidth, height), {
          width: fitWidth,
          height,
          xDomain: model.domain,
          yDomain: yDomain(target, points.ys),
          xs: model.xs,
          fit: snapshot.fit,
          parts: snapshot.parts,
          points,
          hinges: snapshot.units.map((u) => u.hinge).filter((h) => h !== null),
          theme,
        });
      }
      if (partsWidth) {
        const layout = hingePartsLayout(partsWidth, model.units);
        const yMax = partsScale(snapshot.parts);
        setText(partsScaleField, formatNumber(yMax));
        drawHingeParts(sizeCanvas(partsCanvas, partsWidth, layout.height), {
          width: partsWidth,
          layout,
          xDomain: model.domain,
          yMax,
          xs: model.xs,
          units: snapshot.units.map((unit, i) => ({
            index: unit.index,
            part: snapshot.parts[i],
            hinge: unit.hinge,
            dead: unit.dead,
            caption:
              `unit ${unit.index + 1}` +
              (unit.dead ? ' \u00b7 dead' : unit.hinge !== null ? ` \u00b7 hinge ${formatNumber(unit.hinge, 2)}` : ' \u00b7 no bend'),
          })),
          theme,
        });
      }
    },
  };
}

/** The numbers and words of the sum of hinges inside `element`. */
export function createHingeText(element) {
  const $ = (selector) => element.querySelector(selector);
  const fitCanvas = $('.nu-fit canvas');
  const unitRows = $('[data-part="unit-rows"]');
  const fields = {
    step: $('[data-field="step"]'),
    loss: $('[data-field="loss"]'),
    pieces: $('[data-field="pieces"]'),
    dead: $('[data-field="dead"]'),
    partsText: $('[data-field="parts-text"]'),
  };
  return {
    /** The readout: step, loss (— without data), linear pieces, dead units. */
    showReadout(snapshot, units, hasData) {
      setText(fields.step, formatInteger(snapshot.step));
      setText(fields.loss, hasData ? formatNumber(snapshot.loss, 3) : '\u2014');
      setData(fields.loss, 'value', String(snapshot.loss));
      setText(fields.pieces, String(snapshot.pieces));
      setText(fields.dead, `${snapshot.deadCount} of ${units}`);
    },
    /** The fit's name, the parts in words and the table of units. */
    describe(snapshot, units, targetName) {
      fitCanvas.setAttribute(
        'aria-label',
        `Fit of ${targetName} on x from \u22121 to 1 by ${units} ReLU units after ` +
          `${formatInteger(snapshot.step)} steps: training loss ${formatNumber(snapshot.loss, 3)}, ` +
          `${snapshot.pieces} linear pieces, ${snapshot.deadCount} dead units.`,
      );
      setText(fields.partsText, `${snapshot.units.map(unitWords).join('; ')}.`);
      unitRows.innerHTML = snapshot.units
        .map(
          (u) =>
            `<tr><th scope="row">${u.index + 1}</th><td>${formatNumber(u.w, 3)}</td><td>${formatNumber(u.b, 3)}</td>` +
            `<td>${formatNumber(u.v, 3)}</td><td>${u.rawHinge === null ? '\u2014' : formatNumber(u.rawHinge, 3)}</td>` +
            `<td>${u.dead ? 'dead' : u.hinge !== null ? 'bends' : 'straight'}</td></tr>`,
        )
        .join('');
    },
  };
}

/**
 * What the live region says after `event` ('pause', 'reset', 'units', 'target', 'points',
 * 'step'): what happened, then the loss, pieces and dead units (or that there is nothing to fit).
 */
export function announcement(event, { snapshot, units, targetName, pointCount, hasData }) {
  const step = formatInteger(snapshot.step);
  const lead =
    {
      pause: `Paused at step ${step}`,
      reset: `Reset to step ${step}`,
      units: `${units} hidden units, step ${step}`,
      target: `Target ${targetName}`,
      points: `${pointCount} points`,
    }[event] ?? `Step ${step}`;
  return hasData
    ? `${lead}: training loss ${formatNumber(snapshot.loss, 3)}, ${snapshot.pieces} linear pieces, ` +
        `${snapshot.deadCount} of ${units} units dead on [\u22121, 1].`
    : `${lead}: add a point to fit.`;
}

/**
 * Everything the sum of hinges shows, inside `element`, for a controller (hinge-controller.js):
 * the drawings (redrawn on the loop when the widths or the colours change), the readout, the
 * points editor, the unit count, the words and the live region. `locks`: the screen's
 * resolveControls(…).
 */
export function createHingeView(element, { loop, locks }) {
  const $ = (selector) => element.querySelector(selector);
  const plots = createHingePlots(element);
  const text = createHingeText(element);
  const editor = $('[data-part="points-editor"]');
  const fields = {
    units: $('[data-field="units"]'),
    pointCount: $('[data-field="point-count"]'),
    announcer: $('[data-field="announcer"]'),
  };
  let fitWidth = 0;
  let partsWidth = 0;
  let theme = readTheme(element);
  let shown = null;
  const say = (words) => announce(fields.announcer, words);

  const draw = () => {
    if (shown) plots.draw({ snapshot: shown.snapshot, model: shown.model, target: shown.target, fitWidth, partsWidth, theme });
  };
  const stops = [
    watchWidth(plots.fitHolder, (width) => {
      fitWidth = width;
      loop.request(draw);
    }),
    watchWidth(plots.partsHolder, (width) => {
      partsWidth = width;
      loop.request(draw);
    }),
  ];
  const recolor = () => {
    theme = readTheme(element);
    loop.request(draw);
  };
  const scheme = watchMedia('(prefers-color-scheme: dark)', recolor);

  return {
    fitCanvas: plots.fitCanvas,
    fitWidth: () => fitWidth,
    recolor,
    /** The controller's snapshot in the readout, drawn on the next frame (or now, `immediately`). */
    show(hinges, { immediately = false } = {}) {
      shown = { snapshot: hinges.snapshot, model: hinges.model, target: hinges.target };
      text.showReadout(hinges.snapshot, hinges.units, hinges.hasData);
      if (immediately) draw();
      else loop.request(draw);
    },
    /** The points editor (shown for the points target unless hidden) and its count. */
    showEditor(hinges) {
      const { target, points } = hinges;
      editor.hidden = target !== 'points' || locks.hidden.has('draw');
      plots.fitCanvas.classList.toggle('nu-fit__canvas--editing', target === 'points' && !locks.blocked('draw'));
      setText(
        fields.pointCount,
        `${points.length} point${points.length === 1 ? '' : 's'}${points.length ? '' : ': add at least one to train'}.`,
      );
    },
    /** The unit count in its label and inputs; `source`, the input typed in, keeps its text. */
    showUnits(units, source) {
      for (const input of element.querySelectorAll('[data-role="units"]')) {
        if (input !== source || Number(input.value) !== units) input.value = String(units);
      }
      setText(fields.units, String(units));
    },
    /** The target's radio buttons. */
    showTarget(target) {
      for (const input of element.querySelectorAll('input[data-role="target"]')) input.checked = input.value === target;
    },
    /** The state in words; after an `event` (see announcement), the live region says it too. */
    describe(hinges, event) {
      const targetName = targetLabel(hinges.target);
      text.describe(hinges.snapshot, hinges.units, targetName);
      if (!event) return;
      say(
        announcement(event, {
          snapshot: hinges.snapshot,
          units: hinges.units,
          targetName,
          pointCount: hinges.points.length,
          hasData: hinges.hasData,
        }),
      );
    },
    /** Say `words` in the live region. */
    say,
    destroy() {
      loop.cancel(draw);
      for (const stop of stops) stop();
      scheme.stop();
    },
  };
}
