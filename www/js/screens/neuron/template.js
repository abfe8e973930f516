// The Neuron screen's markup: the two sections (one unit on the plane, a network as a sum of
// hinges) with their introductions and equations in MathML; each part fills its own holder
// (data-part="unit", data-part="hinges"). A pure function.
import { lockNoteHtml } from '../../ui/lesson-controls.js';
import { copyLinkHtml, linkNoticeHtml } from '../../ui/url-state.js';

const mi = (name) => `<mi>${name}</mi>`;
const mo = (op) => `<mo>${op}</mo>`;
const mn = (value) => `<mn>${value}</mn>`;
const sub = (base, index) => `<msub>${base}${index}</msub>`;
const row = (...parts) => `<mrow>${parts.join('')}</mrow>`;
const open = '<mo stretchy="false" lspace="0" rspace="0">(</mo>';
const close = '<mo stretchy="false" lspace="0" rspace="0">)</mo>';
const relu = (...args) => row(mi('ReLU'), mo('&#x2061;'), open, ...args, close);

/** z = w1·x1 + w2·x2 + b and a = ReLU(z): two equations, each its own block, so that they wrap. */
const UNIT_MATH =
  `<math display="block" aria-label="z equals w1 x1 plus w2 x2 plus b">` +
  row(
    mi('z'),
    mo('='),
    sub(mi('w'), mn(1)),
    sub(mi('x'), mn(1)),
    mo('+'),
    sub(mi('w'), mn(2)),
    sub(mi('x'), mn(2)),
    mo('+'),
    mi('b'),
  ) +
  '</math>' +
  `<math display="block" aria-label="a equals ReLU of z, which is max of 0 and z">` +
  row(mi('a'), mo('='), relu(mi('z')), mo('='), row(mi('max'), open, mn(0), mo(','), mi('z'), close)) +
  '</math>';

/** y(x) = c + Σ_j v_j·ReLU(w_j·x + b_j). */
const SUM_MATH =
  `<math display="block" aria-label="y of x equals c plus the sum over units j of v j times ReLU of w j x plus b j">` +
  row(
    mi('y'),
    open,
    mi('x'),
    close,
    mo('='),
    mi('c'),
    mo('+'),
    `<munder>${mo('&#x2211;')}${mi('j')}</munder>`,
    sub(mi('v'), mi('j')),
    mo('&#x2062;'),
    relu(sub(mi('w'), mi('j')), mi('x'), mo('+'), sub(mi('b'), mi('j'))),
  ) +
  '</math>';

/** What "Copy link" gives. */
const LINK_WHAT =
  'The address of this page with the unit\u2019s weights, bias, learning rate and inspected point, and the ' +
  'network\u2019s target, units and points (its training starts again from step 0).';

/**
 * The screen's markup; with `link` (the state is kept in the URL), the link notice and "Copy
 * link" at the top.
 * @param {{ prefix: string, locks: ReturnType<typeof import('../../ui/lesson-controls.js').resolveControls>, noteId: string,
 *   link?: boolean }} parts
 */
export function neuronScreenHtml({ prefix, locks, noteId, link = false }) {
  return `
    <div class="nu-screen">${link ? linkNoticeHtml() + copyLinkHtml({ prefix, what: LINK_WHAT }) : ''}
      <section class="screen-section" aria-labelledby="${prefix}-unit-title">
        <h2 id="${prefix}-unit-title">One ReLU unit: a hinge on the plane</h2>
        <div class="nu-intro">
          <p>A unit weighs its two inputs, adds a bias, and passes the sum z through ReLU:</p>
          ${UNIT_MATH}
          <p>The line w\u00b7x + b = 0 splits the plane. On the side the arrow w points to, z > 0:
          the unit is <strong>active</strong>, its output grows in a straight ramp, and its
          slope is 1, so gradient flows back to w\u2081, w\u2082 and b. On the other side
          (hatched) it outputs 0 and its slope is 0: no gradient. Here the unit feeds a fixed
          read-out, p = \u03c3(a \u2212 2), the chance that a point is class 1, trained with
          cross-entropy. Push b down until every training point is on the hatched side: the
          unit is <strong>dead</strong> on the training set, and a gradient step no longer moves it.</p>
        </div>
        <div data-part="unit"></div>
      </section>

      <section class="screen-section" aria-labelledby="${prefix}-hinges-title">
        <h2 id="${prefix}-hinges-title">A network as a sum of hinges</h2>
        <div class="nu-intro">
          <p>With one input, each ReLU unit is a hinge: flat on one side of x = \u2212b/w and a
          straight ramp on the other. One hidden layer of them with a linear output adds the hinges up:</p>
          ${SUM_MATH}
          <p>So the network\u2019s output is piecewise linear: straight between hinges, bending
          only where a unit switches on or off. More units, more possible bends. (That holds for
          one hidden layer; with more layers the hinges are composed, not added, and the same
          number of units can make many more linear pieces.) Train it and
          watch the hinges move to where the target bends. A unit whose flat side covers the
          whole domain is dead there: a flat line that adds nothing and gets no gradient.</p>
        </div>
        <div data-part="hinges"></div>
      </section>
      ${lockNoteHtml(locks, noteId)}
    </div>`;
}
