// The tour's steps: what each one points at (a selector of something always on the page in the
// normal view) and what it says. Short enough to read in a few seconds each.

export type TourExtra = 'compare-presets' | 'show-shortcuts';

export interface TourStep {
  target: string;
  title: string;
  text: string;
  extra?: TourExtra;
}

export const TOUR_STEPS: readonly TourStep[] = [
  {
    target: '#initializer',
    title: 'Pick an initializer',
    text: 'Each entry is one framework’s rule for drawing the starting weights — the same name can mean different laws in Keras and PyTorch. Change it, or the activation, depth and width below it, and everything redraws.',
  },
  {
    target: '.chart-card',
    title: 'Measured against theory',
    text: 'The dots are measured in a real random network, layer by layer; the dashed line is what mean-field theory predicts. The verdict above the chart says whether the signal vanishes, explodes or stays stable.',
  },
  {
    target: '.preset-gallery',
    title: 'Two classics, one factor of 2 apart',
    text: 'With ReLU, Xavier’s weights halve the signal at every layer, and He’s keep it. Open one, then the other, and watch the verdict change.',
    extra: 'compare-presets',
  },
  {
    target: '[data-testid="distributions-chart"]',
    title: 'Inside each layer',
    text: 'The distributions show the values themselves: watch them collapse into a spike at 0, spread out, or pile up at tanh’s ±1.',
  },
  {
    target: '.header-tools',
    title: 'Share it, present it',
    text: 'Copy link opens exactly this picture on any laptop. Press P to present on a projector, and ? for every keyboard shortcut.',
    extra: 'show-shortcuts',
  },
];
