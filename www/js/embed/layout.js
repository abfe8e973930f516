// The compact layout of an embed (layout="compact", or "auto" with a given height below
// COMPACT_BELOW): a frame of 720 × 432 or a slide shows the screen's main picture, play and
// the figures that matter (css/embed.css says which, per screen); one button, first in the
// frame, shows everything else and back.

/** layout="auto": an embed given a height below this (CSS px) is compact. */
export const COMPACT_BELOW = 480;

/**
 * `frame`: the embed's frame (data-layout="compact", data-expanded are set on it); `content`:
 * the element the button controls. Returns { apply(config), readonly compact }.
 */
export function createLayout(frame, content) {
  let config = null;
  let button = null;
  let sizeWatch = null;

  const isCompact = () => {
    if (!config || config.layout === 'full') return false;
    if (config.layout === 'compact') return true;
    return config.height !== null && frame.getBoundingClientRect().height < COMPACT_BELOW;
  };

  function showAll(all) {
    frame.toggleAttribute('data-expanded', all);
    button.textContent = all ? 'Show less' : 'Show everything';
    button.setAttribute('aria-expanded', String(all));
  }

  function setCompact(compact) {
    if (compact === (frame.dataset.layout === 'compact')) return;
    if (compact) {
      frame.dataset.layout = 'compact';
      if (!button) {
        button = frame.ownerDocument.createElement('button');
        button.type = 'button';
        button.className = 'button button--small relu-lab__more';
        content.id ||= 'relu-lab-content'; // ids are per shadow root
        button.setAttribute('aria-controls', content.id);
        button.addEventListener('click', () => showAll(!frame.hasAttribute('data-expanded')));
      }
      frame.prepend(button);
      showAll(false);
    } else {
      delete frame.dataset.layout;
      frame.removeAttribute('data-expanded');
      button?.remove();
    }
  }

  return {
    apply(next) {
      config = next;
      const watchSize = config.layout === 'auto' && config.height !== null;
      if (watchSize && !sizeWatch && 'ResizeObserver' in window) {
        sizeWatch = new ResizeObserver(() => setCompact(isCompact()));
        sizeWatch.observe(frame);
      } else if (!watchSize && sizeWatch) {
        sizeWatch.disconnect();
        sizeWatch = null;
      }
      setCompact(isCompact());
    },
    get compact() {
      return frame.dataset.layout === 'compact';
    },
  };
}
