// `npx tsx scripts/preset-claims.ts`: every preset of the gallery run once (its settings, pins
// aside), each claim of its lesson beside the value the run gives it and whether it holds
// (claimBand.ts: theory as printed, measurements within the derived finite-width band), as a
// Markdown table.

import { PRESETS } from '../src/state/presets';
import { checkClaim, spreadsFor } from '../src/state/presets/claimBand';
import { claimNeeds } from '../src/state/presets/claimValue';
import { CLAIM_FORMATS, placeholders, type Claim } from '../src/state/presets/preset';
import { presetConfig, runPreset } from '../src/state/presets/presetRun';

function what(c: Claim): string {
  return c.quantity === 'factor' ? `factor of ${c.of}, layer ${c.from} → ${c.layer}` : `${c.quantity} @ ${c.layer}`;
}

const rows = ['| preset | claim | lesson says | this run | holds |', '|---|---|---|---|---|'];
for (const preset of PRESETS) {
  const config = presetConfig(preset);
  const record = runPreset(preset, config);
  const spreads = spreadsFor(config, claimNeeds(preset.claims).backward);
  const uses = placeholders(preset.template, preset.claims.length);
  preset.claims.forEach((claim, i) => {
    const formats = uses.filter((u) => u.index === i).map((u) => u.format);
    const verdict = checkClaim(claim, formats, record.layers, spreads);
    const said = formats.map((f) => CLAIM_FORMATS[f]!(claim.value)).join(', ');
    const got =
      verdict.observed === null
        ? '—'
        : formats.map((f) => CLAIM_FORMATS[f === 'pow' ? '' : f]!(verdict.observed!)).join(', ');
    const precise = verdict.observed === null ? '' : ` (${verdict.observed.toPrecision(4)})`;
    rows.push(
      `| ${preset.id} | ${what(claim)} | ${said} | ${got}${precise} | ${verdict.ok ? 'yes' : `NO: ${verdict.why}`} |`,
    );
  });
}
console.log(rows.join('\n'));
