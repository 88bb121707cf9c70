// A residual network's chart and headline count blocks, so the verdict's words must too: a layer
// named by its index ("correlation 0.88 at layer 32") becomes the block it belongs to ("at block
// 16"), read from the layer's own `block` field (0 is the stem, the linear map to the width that
// is not a block). Only the words change; the numbers the verdict keeps stay layer indices.

import type { LayerStats } from '../core/types';

const LAYER_INDEX = /\blayer (\d+)\b/g;

/** `text` with every "layer n" replaced by the block layer n belongs to. */
export function namingBlocks(text: string, layers: readonly Pick<LayerStats, 'block'>[]): string {
  return text.replace(LAYER_INDEX, (whole, n: string) => {
    const block = layers[Number(n) - 1]?.block;
    if (block === undefined) return whole;
    return block === 0 ? 'the stem' : `block ${block}`;
  });
}
