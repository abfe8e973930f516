// The card's figure: canvases for the figure's panels, drawn with the theme at the width they
// are given, the legend, the note and the text alternative; the table of numbers when shown.
// The heat map's cells are links to the Network screen where one exists.
import { drawExperimentHeatmap, heatmapCellAt, mixColor } from '../../draw/experiment-heatmap.js';
import { drawExperimentLines } from '../../draw/experiment-lines.js';
import { drawExperimentRegions } from '../../draw/experiment-regions.js';
import { sizeCanvas } from '../../ui/canvas.js';
import { setHidden, setText } from '../../ui/dom.js';
import { readTheme, readTokenList } from '../../ui/theme.js';
import { formatShare } from '../../text/format.js';
import { keySvg } from './card.js';

/** Colour slots of the series (experiments.css --exp-series-1 … 6). */
const SERIES_SLOTS = 6;

const escapeHtml = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/**
 * @param {ReturnType<typeof import('./card.js').createCard>} card
 * @param {(href: string) => void} openLink
 */
export function createPlotView(card, openLink) {
  const panels = card.field('panels');
  /** @type {{ canvas: HTMLCanvasElement, layout?: any }[]} */
  let canvases = [];
  let figure = null;
  let width = 0;
  let tableText = '';

  function ensureCanvases(count) {
    while (canvases.length < count) {
      const canvas = document.createElement('canvas');
      canvas.className = 'exp-canvas';
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-describedby', `${card.ids.alt} ${card.ids.sentence}`);
      const entry = { canvas, layout: null, index: canvases.length };
      canvas.addEventListener('click', (event) => onClick(entry, event));
      panels.append(canvas);
      canvases.push(entry);
    }
    while (canvases.length > count) canvases.pop().canvas.remove();
  }

  function onClick(entry, event) {
    const panel = figure?.panels[entry.index];
    if (!panel || panel.kind !== 'heatmap' || !entry.layout) return;
    const rect = entry.canvas.getBoundingClientRect();
    const cell = heatmapCellAt(entry.layout, event.clientX - rect.left, event.clientY - rect.top);
    if (!cell) return;
    const link = figure.links?.find((l) => l.width === panel.spec.columns[cell.column] && l.depth === panel.spec.rows[cell.row]);
    if (link?.href) openLink(link.href);
  }

  function draw() {
    if (!figure || width <= 0) return;
    const base = readTheme(card.element);
    const series = readTokenList(card.element, 'exp-series', SERIES_SLOTS);
    // Region tints: each series colour and a lighter mix of it with the background.
    const regions = [...series.map((c) => mixColor(base.background, c, 0.55)), ...series.map((c) => mixColor(base.background, c, 0.3))];
    const theme = { ...base, series, regions };
    const panelWidth = figure.panels.length > 1 && width >= 720 ? Math.floor((width - 16) / 2) : width;
    figure.panels.forEach((panel, index) => {
      const entry = canvases[index];
      entry.canvas.setAttribute('aria-label', panel.label);
      const height =
        panel.kind === 'heatmap'
          ? Math.min(520, Math.max(220, 34 * panel.spec.rows.length + 60))
          : panel.kind === 'regions'
            ? Math.min(420, panelWidth - 40) + 50
            : Math.round(Math.min(380, Math.max(240, panelWidth * 0.6)));
      const ctx = sizeCanvas(entry.canvas, panelWidth, height);
      if (panel.kind === 'heatmap') {
        entry.layout = drawExperimentHeatmap(ctx, panelWidth, height, { ...panel.spec, label: formatShare }, theme);
        entry.canvas.dataset.clickable = figure.links?.some((l) => l.href) ? 'true' : 'false';
      } else if (panel.kind === 'regions') {
        drawExperimentRegions(ctx, panelWidth, height, panel.spec, theme);
      } else {
        drawExperimentLines(ctx, panelWidth, height, panel.spec, theme);
      }
    });
  }

  function legendHtml(entries) {
    return entries.map((e) => `<li>${keySvg(e.slot, e.reference)}<span>${escapeHtml(e.label)}</span></li>`).join('');
  }

  function tableHtml(table) {
    const cell = (value) => (typeof value === 'object' && value !== null ? `<a href="${escapeHtml(value.href)}">${escapeHtml(value.text)}</a>` : escapeHtml(value));
    return `<table><caption>${escapeHtml(table.caption)}</caption><thead><tr>${table.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>
      <tbody>${table.rows.map((row) => `<tr>${row.map((value, i) => (i === 0 ? `<th scope="row">${cell(value)}</th>` : `<td>${cell(value)}</td>`)).join('')}</tr>`).join('')}</tbody></table>`;
  }

  return {
    /** Show `next` (figures.js figureOf) or nothing (null). */
    show(next) {
      figure = next;
      setHidden(card.field('figure'), !figure);
      setHidden(card.action('table'), !figure);
      if (!figure) {
        setHidden(card.field('table'), true);
        return;
      }
      ensureCanvases(figure.panels.length);
      const legend = card.field('legend');
      const html = legendHtml([...figure.legend, ...(figure.secondLegend ?? []).map((e) => ({ ...e, label: `${e.label} (bias sweep)` }))]);
      if (legend.innerHTML !== html) legend.innerHTML = html;
      setHidden(legend, html === '');
      setText(card.field('alt'), figure.alt);
      setText(card.field('note'), figure.note ?? '');
      setHidden(card.field('note'), !figure.note);
      this.updateTable();
      draw();
    },
    /** Write the table if it is shown and changed. */
    updateTable() {
      const container = card.field('table');
      if (container.hidden || !figure) return;
      const html = tableHtml(figure.table);
      if (html !== tableText) {
        tableText = html;
        container.innerHTML = html;
      }
    },
    toggleTable() {
      const container = card.field('table');
      const open = container.hidden;
      container.hidden = !open;
      card.action('table').setAttribute('aria-expanded', String(open));
      setText(card.action('table'), open ? 'Hide the table' : 'Show the numbers as a table');
      this.updateTable();
    },
    /** New width (CSS pixels) or theme: redraw. */
    resize(nextWidth) {
      width = nextWidth;
      draw();
    },
    redraw: draw,
  };
}
