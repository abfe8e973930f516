// The papers the experiments and the claims cite, one entry each: authors, year, title, where it
// appeared, and a link where the lab's science notes (SCIENCE.md) give one. An experiment's
// `sources` name papers from here with what each found, as the card tests it, or carry a plain
// note where no paper is the source. Pure data and text; no DOM.

/**
 * @typedef {{ authors: string, year: number, title: string, venue: string, link?: string, linkText?: string }} Paper
 * @typedef {{ paper: string, finding: string } | { note: string }} Source  (paper: a key of PAPERS)
 */

export const PAPERS = Object.freeze({
  hahnloser2000: {
    authors: 'Hahnloser, Sarpeshkar, Mahowald, Douglas & Seung',
    year: 2000,
    title: 'Digital selection and analogue amplification coexist in a cortex-inspired silicon circuit',
    venue: 'Nature 405:947',
  },
  jarrett2009: {
    authors: 'Jarrett, Kavukcuoglu, Ranzato & LeCun',
    year: 2009,
    title: 'What is the best multi-stage architecture for object recognition?',
    venue: 'ICCV 2009',
  },
  nair2010: {
    authors: 'Nair & Hinton',
    year: 2010,
    title: 'Rectified Linear Units Improve Restricted Boltzmann Machines',
    venue: 'ICML 2010',
  },
  glorot2010: {
    authors: 'Glorot & Bengio',
    year: 2010,
    title: 'Understanding the difficulty of training deep feedforward neural networks',
    venue: 'AISTATS 2010',
  },
  glorot2011: {
    authors: 'Glorot, Bordes & Bengio',
    year: 2011,
    title: 'Deep Sparse Rectifier Neural Networks',
    venue: 'AISTATS 2011',
  },
  krizhevsky2012: {
    authors: 'Krizhevsky, Sutskever & Hinton',
    year: 2012,
    title: 'ImageNet Classification with Deep Convolutional Neural Networks',
    venue: 'NeurIPS 2012',
  },
  maas2013: {
    authors: 'Maas, Hannun & Ng',
    year: 2013,
    title: 'Rectifier Nonlinearities Improve Neural Network Acoustic Models',
    venue: 'ICML 2013',
  },
  montufar2014: {
    authors: 'Montúfar, Pascanu, Cho & Bengio',
    year: 2014,
    title: 'On the Number of Linear Regions of Deep Neural Networks',
    venue: 'NeurIPS 2014',
  },
  he2015: {
    authors: 'He, Zhang, Ren & Sun',
    year: 2015,
    title: 'Delving Deep into Rectifiers: Surpassing Human-Level Performance on ImageNet Classification',
    venue: 'ICCV 2015',
  },
  clevert2015: {
    authors: 'Clevert, Unterthiner & Hochreiter',
    year: 2015,
    title: 'Fast and Accurate Deep Network Learning by Exponential Linear Units (ELUs)',
    venue: 'ICLR 2016; arXiv 1511.07289 (2015)',
  },
  telgarsky2016: {
    authors: 'Telgarsky',
    year: 2016,
    title: 'Benefits of depth in neural networks',
    venue: 'COLT 2016',
  },
  lu2020: {
    authors: 'Lu, Shin, Su & Karniadakis',
    year: 2020,
    title: 'Dying ReLU and Initialization: Theory and Numerical Examples',
    venue: 'Communications in Computational Physics 28',
    link: 'https://arxiv.org/abs/1903.06733',
    linkText: 'arXiv 1903.06733',
  },
  bertoin2021: {
    authors: 'Bertoin, Bolte, Gerchinovitz & Pauwels',
    year: 2021,
    title: 'Numerical influence of ReLU\u2032(0) on backpropagation',
    venue: 'NeurIPS 2021',
  },
});

/** The paper `key` of PAPERS (throws for an unknown key: a typo in a source fails loudly). */
export function paperOf(key) {
  if (!Object.hasOwn(PAPERS, key)) throw new Error(`no paper "${key}" in papers.js`);
  return /** @type {Paper} */ (PAPERS[/** @type {keyof typeof PAPERS} */ (key)]);
}

/** The paper `key` as one line: "Authors (year). “Title”. Venue. arXiv …" @param {string} key */
export function citationText(key) {
  const paper = paperOf(key);
  return `${paper.authors} (${paper.year}). \u201c${paper.title}\u201d. ${paper.venue}.${paper.linkText ? ` ${paper.linkText}.` : ''}`;
}

/** A source as one line of plain text: the citation and what it found, or the note. @param {Source} source */
export function sourceText(source) {
  return 'note' in source ? source.note : `${citationText(source.paper)} ${source.finding}`;
}
