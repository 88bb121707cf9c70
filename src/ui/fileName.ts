// Download names that say which settings produced the file, so a folder of exports stays
// readable: initscope-he_normal-relu-d50-w512-s1.csv

import type { SimConfig } from '../core/types';
import { recognizeProfile } from '../readings/widthProfiles';

function widthPart(widths: readonly number[]): string {
  const shape = recognizeProfile(widths);
  switch (shape.profile) {
    case 'constant':
      return `w${shape.wide}`;
    case 'funnel':
      return `w${shape.wide}to${shape.narrow}`;
    case 'bottleneck':
      return `w${shape.wide}to${shape.narrow}to${shape.wide}`;
    case 'custom':
      return `wvar${shape.narrow}-${shape.wide}`;
  }
}

/** Only characters every file system and shell accepts unquoted. */
function safe(part: string): string {
  return part.toLowerCase().replace(/[^a-z0-9_.]+/g, '_');
}

export type ExportExtension = 'csv' | 'json' | 'png' | 'svg';

export function exportFileName(config: SimConfig, extension: ExportExtension): string {
  const parts = [
    'initscope',
    safe(config.init),
    safe(config.activation),
    `d${config.widths.length}`,
    widthPart(config.widths),
    ...(config.biasStd > 0 ? [`b${safe(String(config.biasStd))}`] : []),
    `s${config.seed}`,
  ];
  return `${parts.join('-')}.${extension}`;
}
