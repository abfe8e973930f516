// Component: four small charts over training steps (loss, accuracy, dead units, sparsity),
// drawn from a copy of the core's history columns by the pure drawHistoryChart. The screen
// calls update() once per drawn frame; a chart redraws only when its data, size or theme
// changed. Dead-and-revive events are marked on the dead-unit chart, and a switch of activation
// in place on every chart (a dashed line, labelled, and said in words). The loss axis follows the
// data (linear up to 3, then a log scale: no loss is ever off the chart), and the sparsity chart
// shows each hidden layer (thin, numbered lines) beside all of them together.
import { sizeCanvas } from '../../ui/canvas.js';
import { setText } from '../../ui/dom.js';
import { drawHistoryChart, HISTORY, lossAxis, niceTicks, shortCount } from '../../draw/history-chart.js';
import { readTokenList } from '../../ui/theme.js';
import { formatInteger, formatNumber, formatPercent } from '../../text/format.js';
import { activationName, activationShortName } from '../../text/names.js';
import { watchWidth } from '../../ui/observe.js';

const LINE = (cls, dashed) =>
  `<svg class="legend__sample" viewBox="0 0 36 12" aria-hidden="true" focusable="false">` +
  `<line x1="2" y1="6" x2="34" y2="6" class="nw-line ${cls}${dashed ? ' nw-line--dashed' : ''}"/></svg>`;
const TRIANGLE = (cls, down) =>
  `<svg class="legend__sample nw-marker-sample" viewBox="0 0 12 12" aria-hidden="true" focusable="false">` +
  `<polygon class="${cls}" points="${down ? '1,2 11,2 6,10' : '1,10 11,10 6,2'}"/></svg>`;

/** The charts and their legends. */
const CHARTS = [
  {
    key: 'loss',
    title: 'Loss',
    legend: [`${LINE('nw-line--train')}training`, `${LINE('nw-line--test', true)}test`],
  },
  {
    key: 'accuracy',
    title: 'Accuracy',
    legend: [`${LINE('nw-line--train')}training`, `${LINE('nw-line--test', true)}test`],
  },
  {
    key: 'dead',
    title: '<span data-field="dead-title">Dead units (training set)</span>',
    legend: [
      `${LINE('nw-line--dead')}dead`,
      `${TRIANGLE('nw-marker--died', true)}<span data-field="died-label">a unit died</span>`,
      `${TRIANGLE('nw-marker--revived', false)}<span data-field="revived-label">came back</span>`,
    ],
  },
  {
    key: 'sparsity',
    title: 'Sparsity (share of zeros)',
    legend: [`${LINE('nw-line--sparsity')}all hidden layers`, '<span>thin, numbered: each layer</span>'],
  },
];

/** While playing, charts redraw at most this often (ms). */
const CHART_INTERVAL_MS = 100;

/**
 * The name of the performance measure of each update (detail: { drawn }: whether a chart was
 * redrawn), which tests/bench/frame-times.mjs observes; only the latest is kept in the timeline.
 */
export const CHARTS_MEASURE = 'relu-lab:charts';

/** End the measure of an update that began at `start`. */
function measured(start, drawn) {
  performance.clearMeasures(CHARTS_MEASURE);
  performance.measure(CHARTS_MEASURE, { start, detail: { drawn } });
}

/**
 * The switches of activation in words, for the note under the heading and the charts' text
 * alternatives: "The dashed line marks step 1,000, where every hidden layer switched to leaky
 * ReLU, keeping the weights." ('' without a switch).
 * @param {{ step: number, activation: string }[]} switches
 */
export function describeSwitchMarks(switches) {
  if (switches.length === 0) return '';
  const each = switches.map((change) => `step ${formatInteger(change.step)}, where every hidden layer switched to ${activationName(change.activation)}`);
  const list = each.length === 1 ? each[0] : `${each.slice(0, -1).join('; ')}; and ${each.at(-1)}`;
  return `The dashed line${switches.length === 1 ? ' marks' : 's mark'} ${list}, keeping the weights.`;
}

/** The charts' markup: a group with its heading, the switches' note and one figure per chart. */
function chartsMarkup(id) {
  return `
    <div class="nw-charts" role="group" aria-labelledby="${id('charts-title')}">
      <h3 id="${id('charts-title')}" class="nw-subhead">Over time</h3>
      <p class="hint nw-charts__switches" data-field="switch-marks" hidden></p>
      <div class="nw-charts__grid">
        ${CHARTS.map(
          (chart) => `
          <figure class="nw-chart" data-chart="${chart.key}">
            <figcaption>
              <span class="nw-chart__title" id="${id(`chart-${chart.key}`)}">${chart.title}</span>
              <span class="nw-chart__legend">${chart.legend.map((item) => `<span>${item}</span>`).join('')}</span>
            </figcaption>
            <div class="nw-chart__canvas"><canvas role="img" aria-label="${chart.key} chart"></canvas></div>
          </figure>`,
        ).join('')}
      </div>
    </div>`;
}

/** The largest finite loss (train or test) and the smallest positive finite train loss. */
function lossRange(columns, count) {
  let maxLoss = 0;
  for (let r = 0; r < count; r += 1) {
    for (const column of [HISTORY.trainLoss, HISTORY.testLoss]) {
      const value = columns[r * HISTORY.stride + column];
      if (Number.isFinite(value) && value > maxLoss) maxLoss = value;
    }
  }
  let minLoss = Infinity;
  for (let r = 0; r < count; r += 1) {
    const value = columns[r * HISTORY.stride + HISTORY.trainLoss];
    if (Number.isFinite(value) && value > 0 && value < minLoss) minLoss = value;
  }
  return { maxLoss, minLoss };
}

/**
 * What each chart draws (series, y axis, markers), from `update`'s data, the loss axis and the
 * per-layer palette.
 */
function chartSetups(data, loss, palette) {
  const { theme } = data;
  const deadTop = Math.max(1, data.unitCount);
  const layers = data.layerHistory;
  return {
    loss: {
      series: [
        { column: HISTORY.trainLoss, color: theme.train },
        { column: HISTORY.testLoss, color: theme.test, dash: [6, 4] },
      ],
      yDomain: loss.domain,
      yScale: loss.scale,
      yTicks: loss.ticks,
      yFormat: (v) => (v >= 1000 ? shortCount(v) : formatNumber(v, 2)),
    },
    accuracy: {
      series: [
        { column: HISTORY.trainAccuracy, color: theme.train },
        { column: HISTORY.testAccuracy, color: theme.test, dash: [6, 4] },
      ],
      yDomain: [0, 1],
      yTicks: [0, 0.5, 1],
      yFormat: (v) => formatPercent(v, 0),
    },
    dead: {
      series: [{ column: HISTORY.deadUnits, color: theme.dead }],
      yDomain: [0, deadTop],
      yTicks: niceTicks(deadTop, 3).filter((v) => Number.isInteger(v)),
      yFormat: (v) => String(v),
      markers: data.markers,
    },
    sparsity: {
      columns: layers.columns,
      count: layers.count,
      stride: layers.stride,
      series: [
        ...Array.from({ length: layers.layers }, (_, index) => ({
          column: 2 + index,
          color: palette[index % palette.length],
          lineWidth: 1.25,
          dash: index >= palette.length ? [4, 3] : [],
          label: String(index + 1),
        })),
        { column: 1, color: theme.sparsity, lineWidth: 3 },
      ],
      yDomain: [0, 1],
      yTicks: [0, 0.5, 1],
      yFormat: (v) => formatPercent(v, 0),
    },
  };
}

/** Chart height for a given width (CSS pixels). */
const chartHeight = (width) => Math.round(Math.min(150, Math.max(110, width * 0.45)));

/**
 * Mount the charts into `container`.
 * options: { idPrefix, requestDraw() (asks the screen for a frame, e.g. after a resize) }
 * Returns { update(data), setLabels(labels), destroy() }.
 */
export function createCharts(container, options) {
  const id = (name) => `${options.idPrefix}-${name}`;
  container.innerHTML = chartsMarkup(id);
  const charts = CHARTS.map((chart) => {
    const figure = container.querySelector(`[data-chart="${chart.key}"]`);
    return { ...chart, canvas: figure.querySelector('canvas'), holder: figure.querySelector('.nw-chart__canvas'), width: 0, drawnKey: '' };
  });
  let lastDraw = -Infinity;
  /** @type {() => { step: number, activation: string }[]} the run's switches (followSwitches) */
  let getSwitches = () => [];
  let switchKey = '';
  /** @type {Record<string, string>} the text alternatives as last set, without the switches */
  let labels = {};
  const switchNote = /** @type {HTMLElement} */ (container.querySelector('[data-field="switch-marks"]'));

  /** The text alternatives: as set, plus the switches' sentence. */
  const writeLabels = (switchText) => {
    for (const chart of charts) {
      if (labels[chart.key]) chart.canvas.setAttribute('aria-label', switchText ? `${labels[chart.key]} ${switchText}` : labels[chart.key]);
    }
  };
  /** @type {string[] | null} the per-layer line colours (the --fn-1 … --fn-6 series tokens) */
  let palette = null;
  let paletteKey = -1;
  const stops = charts.map((chart) =>
    watchWidth(chart.holder, (width) => {
      chart.width = width;
      chart.drawnKey = '';
      options.requestDraw();
    }),
  );

  return {
    /**
     * Read the switches of activation to mark from `get` (called on every update; it must
     * not call into wasm: run.js keeps a copy).
     * @param {() => { step: number, activation: string }[]} get
     */
    followSwitches(get) {
      getSwitches = get;
    },
    /**
     * data: { columns, count (records), step, playing, markers: [{ step, died }], unitCount, canDie,
     *         layerHistory (layer-history.js: each layer's sparsity),
     *         theme (readTheme plus colours: train, test, dead, sparsity, died, revived),
     *         themeKey (changes with the colour scheme) }
     */
    update(data) {
      const start = performance.now();
      const { columns, count, theme } = data;
      const setField = (name, text) => setText(container.querySelector(`[data-field="${name}"]`), text);
      // Only ReLU units can die; for the others the marks are units turning inactive. After a
      // switch the line holds both: dead (ReLU) before it, inactive after it.
      const switchList = getSwitches();
      const mixed = switchList.length > 0;
      setField('dead-title', mixed
        ? 'Dead (under ReLU) or inactive units (training set)'
        : data.canDie ? 'Dead units (training set)' : 'Dead units (training set; only ReLU units die)');
      setField('died-label', mixed ? 'a unit died or became inactive' : data.canDie ? 'a unit died' : 'a unit became inactive');
      setField('revived-label', mixed ? 'active again' : data.canDie ? 'came back' : 'active again');
      const lastStep = count > 0 ? columns[(count - 1) * HISTORY.stride] : 0;
      const xMax = Math.max(lastStep, data.step);
      const switches = switchList.map((change) => ({ step: change.step, label: `→ ${activationShortName(change.activation)}` }));
      const nowSwitchKey = switchList.map((change) => `${change.step}:${change.activation}`).join(',');
      if (nowSwitchKey !== switchKey) {
        switchKey = nowSwitchKey;
        const text = describeSwitchMarks(switchList);
        switchNote.hidden = text === '';
        setText(switchNote, text);
        writeLabels(text);
      }
      const key = `${count}|${lastStep}|${data.step}|${data.markers.length}|${data.themeKey}|${data.layerHistory.count}|${switchKey}`;
      if (data.themeKey !== paletteKey) {
        paletteKey = data.themeKey;
        palette = null;
      }
      // While playing, about 10 redraws a second are plenty for a chart; the cost per frame
      // stays bounded anyway (at most 512 records).
      const now = performance.now();
      const resized = charts.some((chart) => chart.width && chart.drawnKey === '');
      if (data.playing && !resized && now - lastDraw < CHART_INTERVAL_MS) {
        measured(start, false);
        return;
      }
      lastDraw = now;
      const { maxLoss, minLoss } = lossRange(columns, count);
      const loss = lossAxis(maxLoss, minLoss);
      const lossCanvas = charts[0].canvas;
      lossCanvas.dataset.yScale = loss.scale;
      lossCanvas.dataset.yMax = String(loss.domain[1]);
      lossCanvas.dataset.maxLoss = String(maxLoss);
      palette ??= readTokenList(container, 'fn', 6);
      const setup = chartSetups(data, loss, palette);
      let redrawn = false;
      for (const chart of charts) {
        if (!chart.width || chart.drawnKey === key) continue;
        chart.drawnKey = key;
        redrawn = true;
        const height = chartHeight(chart.width);
        const ctx = sizeCanvas(chart.canvas, chart.width, height);
        const drawn = drawHistoryChart(ctx, {
          width: chart.width,
          height,
          columns,
          count,
          xMax,
          markers: [],
          markerColors: { died: theme.died, revived: theme.revived },
          switches,
          theme,
          ...setup[chart.key],
        });
        chart.canvas.dataset.xEnd = String(drawn.xEnd);
      }
      measured(start, redrawn);
    },
    /**
     * The charts' text alternatives, { loss, accuracy, dead, sparsity } (set on pause, step
     * and threshold crossings, not every frame).
     */
    setLabels(next) {
      labels = { ...labels, ...next };
      writeLabels(describeSwitchMarks(getSwitches()));
    },
    destroy() {
      for (const stop of stops) stop();
      container.replaceChildren();
    },
  };
}
