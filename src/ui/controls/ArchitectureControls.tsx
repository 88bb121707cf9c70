// The architecture card: plain or residual, the normalization and where it sits, the blocks, the
// branch depth, the branch scale α (a number or one of the two depth scalings) and Fixup. Every
// change goes through setArchitecture → normalizeConfig, so a refused value becomes a notice.

import {
  ARCHITECTURE_DEFAULTS,
  ARCHITECTURE_LIMITS,
  NORM_NAMES,
  NORMS,
  type NormKind,
} from '../../core/architecture/spec';
import { setArchitecture } from '../../state/actions';
import { useApp } from '../../state/store';
import { Field, helpId } from './Field';
import { NumberField } from './NumberField';
import { CheckboxField } from './ParamFields';

const HELP = {
  kind: 'Plain: each layer feeds the next (Linear → Norm → φ). Residual: every block adds its branch to a stream that skips it, x^k = x^(k−1) + α·F_k(…), as in a ResNet or the MLP blocks of a transformer (He et al. 2016).',
  norm: 'A normalization layer with γ = 1 and β = 0, as the frameworks start. BatchNorm: each unit over the batch; LayerNorm: each example over its units; RMSNorm: each example divided by its root mean square.',
  position:
    'Pre-norm normalizes the branch’s input and leaves the stream alone, x + α·F(N(x)); post-norm normalizes the stream after the sum, N(x + α·F(x)) (Xiong et al. 2020).',
  eps: 'The ε in (h − mean)/√(var + ε); the frameworks use 1e-5.',
  blocks:
    'K, the number of residual blocks. The network has K × m linear layers, plus a stem layer when the input dimension differs from the width.',
  branchDepth: 'm, the linear layers in each branch, with φ between them and none after the last.',
  scale:
    'α multiplies each branch. 1/√K keeps the stream’s variance bounded, 1/K nearly constant; 0 is ReZero/SkipInit: every block is the identity at initialization (Bachlechner et al. 2020; De & Smith 2020).',
  alpha: 'The branch scale α as a number ≥ 0.',
  fixup:
    'Fixup (Zhang et al. 2019): the last layer of each branch starts at zero, the others are scaled by K^(−1/(2m−2)), branch biases zero. Needs a branch depth of at least 2.',
};

const SCALE_RULES = [
  { value: 'number', label: 'a number' },
  { value: '1/sqrt(K)', label: '1/√K' },
  { value: '1/K', label: '1/K' },
] as const;

const KINDS = [
  { value: 'plain', label: 'Plain' },
  { value: 'residual', label: 'Residual' },
];
const NORM_OPTIONS = NORMS.map((n) => ({ value: n, label: n === 'none' ? 'None' : NORM_NAMES[n] }));
const POSITIONS = [
  { value: 'pre', label: 'Pre-norm: x + α·F(N(x))' },
  { value: 'post', label: 'Post-norm: N(x + α·F(x))' },
];

interface ChoiceProps {
  id: string;
  label: string;
  help: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}

/** A labelled select. */
function Choice({ id, label, help, value, options, onChange }: ChoiceProps) {
  return (
    <Field id={id} label={label} help={help}>
      <select
        id={id}
        value={value}
        title={help}
        aria-describedby={helpId(id)}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

const BLOCKS_RULE = { label: 'Blocks K', ...ARCHITECTURE_LIMITS.blocks, integer: true };
const BRANCH_RULE = { label: 'Branch depth m', ...ARCHITECTURE_LIMITS.branchDepth, integer: true };
const ALPHA_RULE = { label: 'α', ...ARCHITECTURE_LIMITS.branchScale, integer: false };
const EPS_RULE = { label: 'ε', ...ARCHITECTURE_LIMITS.normEps, integer: false };
const FIXUP_SPEC = { kind: 'boolean', name: 'fixup', label: 'Fixup', default: false, help: HELP.fixup } as const;

export function ArchitectureControls() {
  const a = useApp((s) => s.config.architecture);
  const residual = a?.kind === 'residual';
  const norm: NormKind = a?.norm ?? 'none';
  return (
    <section className="card controls" aria-labelledby="architecture-title">
      <h2 id="architecture-title">Architecture</h2>
      <Choice
        id="arch-kind"
        label="Network type"
        help={HELP.kind}
        value={residual ? 'residual' : 'plain'}
        options={KINDS}
        onChange={(v) => setArchitecture({ residual: v === 'residual' })}
      />
      <Choice
        id="norm"
        label="Normalization"
        help={HELP.norm}
        value={norm}
        options={NORM_OPTIONS}
        onChange={(v) => setArchitecture({ norm: v })}
      />
      {residual && norm !== 'none' && (
        <Choice
          id="norm-position"
          label="Norm position"
          help={HELP.position}
          value={a.normPosition}
          options={POSITIONS}
          onChange={(v) => setArchitecture({ normPosition: v })}
        />
      )}
      {norm !== 'none' && (
        <NumberField
          id="norm-eps"
          rule={EPS_RULE}
          value={a?.normEps ?? ARCHITECTURE_DEFAULTS.normEps}
          onCommit={(v) => setArchitecture({ normEps: v })}
          help={HELP.eps}
        />
      )}
      {residual && (
        <>
          <NumberField
            id="blocks"
            rule={BLOCKS_RULE}
            value={a.blocks}
            onCommit={(v) => setArchitecture({ blocks: v })}
            help={HELP.blocks}
          />
          <NumberField
            id="branch-depth"
            rule={BRANCH_RULE}
            value={a.branchDepth}
            onCommit={(v) => setArchitecture({ branchDepth: v, ...(v < 2 ? { fixup: false } : {}) })}
            help={HELP.branchDepth}
          />
          <Choice
            id="branch-scale"
            label="Branch scale α"
            help={HELP.scale}
            value={a.branchScaleRule}
            options={SCALE_RULES}
            onChange={(v) => setArchitecture({ branchScale: v === 'number' ? a.branchScale : v })}
          />
          {a.branchScaleRule === 'number' ? (
            <NumberField
              id="branch-alpha"
              rule={ALPHA_RULE}
              value={a.branchScale}
              onCommit={(v) => setArchitecture({ branchScale: v })}
              help={HELP.alpha}
            />
          ) : (
            <p className="field-note">α = {Number(a.branchScale.toPrecision(4))}</p>
          )}
          {a.branchDepth >= 2 ? (
            <CheckboxField
              id="fixup"
              spec={FIXUP_SPEC}
              checked={a.fixup}
              onChange={(v) => setArchitecture({ fixup: v })}
            />
          ) : (
            <p className="field-note">Fixup needs a branch depth of 2 or more.</p>
          )}
        </>
      )}
    </section>
  );
}
