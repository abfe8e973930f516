// Themes inside a shadow root. The site's style sheets are written for a whole page: colours
// are custom properties on :root, body sets the background, and dark values sit in
// @media (prefers-color-scheme: dark). Inside a shadow root :root and body match nothing, and a
// media query cannot be told to ignore the reader's system setting. So an embed adapts its own
// copy of each sheet through the CSSOM (no inline style, so a strict CSP is fine):
//   - selectors :root, html and body are pointed at the embed's frame element;
//   - every prefers-color-scheme media rule gets a media text that follows the embed's theme:
//     as written for "auto", always on or always off for light, dark and contrast (contrast
//     is light with the overrides in css/tokens.css and css/embed.css).
//   - every media rule that tests only the width ((min-width: 56rem)) is copied into an
//     @container rule on the screen's holder (container name CONTAINER) and switched off, so a
//     screen lays itself out for the width it is given in the host page, not the window's.
//   - every rem length becomes calc(n * var(--relu-lab-rem)), where --relu-lab-rem is the host
//     element's font size (css/embed.css, registered by registerRemProperty): rem is the host
//     page's root size, which a site may set apart from its text (MkDocs Material: 20 px root,
//     16 px text), and the embed's type follows the text it sits in.
// Sheets are per shadow root, so instances with different themes do not disturb each other.
// Pure CSSOM; no module-level state.

/** The container name of the element that holds a screen (css/embed.css). */
export const CONTAINER = 'relu-lab';

const PAGE_SELECTOR = /(^|[\s,>+~(])(:root|html|body)(?![\w-])/g;
const HAS_PAGE_SELECTOR = /(^|[\s,>+~(])(:root|html|body)(?![\w-])/;
const SCHEME_FEATURE = /^\(\s*prefers-color-scheme\s*:\s*(dark|light)\s*\)$/i;

/** The custom property that holds the host element's font size (css/embed.css). */
export const REM_PROPERTY = '--relu-lab-rem';
const REM_LENGTH = /(^|[^\w.-])(-?\d*\.?\d+)rem\b/g;

/** "padding: 0.5rem 1rem" → "padding: calc(0.5 * var(--relu-lab-rem)) calc(1 * var(--relu-lab-rem))". */
export function remToHost(text) {
  return text.replace(REM_LENGTH, (_, before, number) => `${before}calc(${number} * var(${REM_PROPERTY}))`);
}

/**
 * Register --relu-lab-rem as an inherited <length>, once per page, so that "1em" on the host
 * element is computed there (to pixels) and inherited as such. Without registration (an old
 * browser) the rem lengths are left as they are. Returns whether it is registered.
 */
export function registerRemProperty() {
  if (typeof CSS === 'undefined' || typeof CSS.registerProperty !== 'function') return false;
  try {
    CSS.registerProperty({ name: REM_PROPERTY, syntax: '<length>', inherits: true, initialValue: '16px' });
  } catch {
    // Already registered (another copy of the element on the page): fine.
  }
  return true;
}

/** "body, :root .x" → ".relu-lab, .relu-lab .x" for frame ".relu-lab". */
export function retargetSelector(selector, frame) {
  return selector.replace(PAGE_SELECTOR, (_, before) => `${before}${frame}`);
}

/**
 * The media text of a prefers-color-scheme rule under `theme`. "auto" keeps `original`;
 * otherwise each comma-separated query that asks for the other scheme is dropped and the
 * scheme test is removed from the others ("not all" when nothing is left).
 */
export function mediaForTheme(original, theme) {
  if (theme === 'auto') return original;
  const dark = theme === 'dark';
  const queries = [];
  for (const query of original.split(',')) {
    const parts = query.trim().split(/\s+and\s+/i);
    let keep = true;
    const rest = parts.filter((part) => {
      const match = part.trim().match(SCHEME_FEATURE);
      if (!match) return true;
      if ((match[1].toLowerCase() === 'dark') !== dark) keep = false;
      return false;
    });
    if (keep) queries.push(rest.length ? rest.join(' and ') : 'all');
  }
  return queries.length ? queries.join(', ') : 'not all';
}

const WIDTH_FEATURE = String.raw`\(\s*(?:(?:min|max)-width\s*:[^)]+|width\s*[<>=]{1,2}[^)]+)\)`;
const WIDTH_ONLY = new RegExp(String.raw`^\s*(?:only\s+)?(?:(?:screen|all)\s+and\s+)?(${WIDTH_FEATURE}(?:\s+and\s+${WIDTH_FEATURE})*)\s*$`, 'i');

/** "(min-width: 56rem)" → the same condition for @container; null if not only widths. */
export function containerCondition(mediaText) {
  const match = mediaText.match(WIDTH_ONLY);
  return match ? match[1] : null;
}

/**
 * Adapt `sheets` (CSSStyleSheet objects of one shadow root) for the frame selector `frame`.
 * Returns { setTheme(theme) }. A sheet whose rules cannot be read (cross-origin without CORS)
 * is skipped.
 */
export function adaptSheets(sheets, frame) {
  const schemeRules = [];
  const followHost = registerRemProperty();
  const walk = (parent) => {
    for (const rule of [...parent.cssRules]) {
      if (rule.selectorText !== undefined && HAS_PAGE_SELECTOR.test(rule.selectorText)) {
        rule.selectorText = retargetSelector(rule.selectorText, frame);
      }
      if (followHost && rule.style && rule.style.cssText.includes('rem')) {
        rule.style.cssText = remToHost(rule.style.cssText);
      }
      if (rule.cssRules) walk(rule);
      if (!rule.media || !rule.cssRules) continue;
      if (/prefers-color-scheme/i.test(rule.media.mediaText)) {
        schemeRules.push({ rule, original: rule.media.mediaText });
        continue;
      }
      const condition = containerCondition(rule.media.mediaText);
      if (condition) {
        const body = [...rule.cssRules].map((inner) => inner.cssText).join('\n');
        const index = [...parent.cssRules].indexOf(rule);
        try {
          parent.insertRule(`@container ${CONTAINER} ${condition} {\n${body}\n}`, index + 1);
          rule.media.mediaText = 'not all';
        } catch {
          // A browser without container queries keeps the media rule as it was.
        }
      }
    }
  };
  for (const sheet of sheets) {
    try {
      sheet.cssRules; // reading it throws if the sheet is unreadable (cross-origin)
    } catch {
      continue;
    }
    walk(sheet);
  }
  return {
    setTheme(theme) {
      for (const { rule, original } of schemeRules) {
        const text = mediaForTheme(original, theme);
        if (rule.media.mediaText !== text) rule.media.mediaText = text;
      }
    },
  };
}
