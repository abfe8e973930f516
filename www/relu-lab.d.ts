// Types of the <relu-lab> custom element (relu-lab.js). The wasm core's own types are in
// pkg/relu_lab.d.ts ("relu-lab/core" in the npm package).

/** The screens an element can show. */
export type ReluLabScreen = 'function' | 'neuron' | 'network';
/** auto follows the reader's system; contrast is a high-contrast projector theme. */
export type ReluLabTheme = 'auto' | 'light' | 'dark' | 'contrast';

export interface ReluLabReadyDetail {
  screen: ReluLabScreen;
  /** Attribute values that were ignored (malformed, out of range, unknown control keys). */
  problems: string[];
}

export interface ReluLabStateDetail {
  /** The screen's settings (the network screen: its full state, as in its URL hash). */
  state: Record<string, unknown>;
}

export interface ReluLabErrorDetail {
  message: string;
}

/** One key a setState did not take, and why ("unknown key", "invalid value", …). */
export interface ReluLabIgnored {
  /** The key as a dotted path ("train.learningRate"); "" for the state as a whole. */
  key: string;
  reason: string;
}

/** Milestone names: see README, "Milestones". */
export type ReluLabMilestoneName = 'preset-effect' | 'accuracy' | 'diverged' | 'experiment-done';

export interface ReluLabMilestoneDetail {
  name: ReluLabMilestoneName;
  /**
   * The run's figures at that moment. Network: step, testAccuracy, trainAccuracy, trainLoss,
   * testLoss, deadUnits (ReLU only, else null), unitCount, and preset or goal. Experiments:
   * experiment, verdict, sentence, elapsed (ms), params.
   */
  figures: Record<string, unknown>;
}

/**
 * <relu-lab screen="network" preset="kill" hide="optimizer,batch" height="520">.
 * Attributes: screen, preset, hide, lock, theme, height, width, remember, autoplay, layout,
 * goal-accuracy, and the
 * screen's settings (network: hidden/layers, activation/act, learning-rate/lr, optimizer/opt,
 * batch-size/batch, …; function: functions, range, probe, …; neuron: w1, w2, b, units, target).
 */
export declare class ReluLabElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** Resolves with the element once its first screen is mounted. */
  readonly ready: Promise<ReluLabElement>;
  /** Animation frames the screen has drawn; they stop while the element is off screen. */
  readonly frames: number;
  /** Whether the animation is held (element off screen, or its tab hidden). */
  readonly suspended: boolean;
  /** The screen's settings (every screen gives them), or null before it is mounted. */
  getState(): Record<string, unknown> | null;
  /** Change settings; returns what was not taken and why (empty: all), or null before the screen is mounted. */
  setState(partial: Record<string, unknown>): ReluLabIgnored[] | null;
  /** Start training (network screen; the neuron screen's sum of hinges). */
  play(): void;
  /** Stop training (network screen; the neuron screen's sum of hinges). */
  pause(): void;
}

/** Define <relu-lab> (or another tag name) unless it is defined already. */
export declare function defineReluLab(name?: string): CustomElementConstructor;

declare global {
  interface HTMLElementTagNameMap {
    'relu-lab': ReluLabElement;
  }
  interface HTMLElementEventMap {
    'relu-lab-ready': CustomEvent<ReluLabReadyDetail>;
    'relu-lab-state': CustomEvent<ReluLabStateDetail>;
    'relu-lab-error': CustomEvent<ReluLabErrorDetail>;
    'relu-lab-milestone': CustomEvent<ReluLabMilestoneDetail>;
  }
}
