import { paramFlagUsage } from '../core/paramKeys';

/** Words joined by spaces into lines of at most `width` characters, each starting with `indent`. */
function wrapWords(words: readonly string[], indent: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

export const HELP = `Initscope — signal propagation through a seeded random deep MLP at initialization.

Usage: npm run --silent simulate -- [flags]

Network
  --preset ID           a gallery preset's settings (pins aside), e.g. tfjs-he; the flags below
                        override them one by one (--init/--activation drop the preset's parameters
                        of the one replaced; --depth/--width/--widths replace a per-layer list); the
                        backward pass or correlations its claims need are on; json adds \`preset\`
  --init ID             initializer (default he_normal), e.g. glorot_uniform, torch_kaiming_normal, lsuv
  --activation ID       activation (default relu), e.g. tanh, selu, gelu, leaky_relu
  --depth N             number of layers, 1…2000 (default 30)
  --width N             units per layer, 1…4096 (default 256)
  --widths A,B,C        per-layer widths (sets the depth; cannot be combined with --depth/--width)
  --input-dim N         input dimension (default: the first layer's width)
  --batch N             inputs pushed through together, 1…4096 (default 128)
  --seed N              whole number 0…4294967295 (default 1); same seed, same numbers
  --bias-std S          bias ~ N(0, S²), 0…100 (default 0)
  --input normal|uniform  unit-variance input distribution (default normal)

Architecture (docs/residual.md)
  --norm none|batch|layer|rms   normalization, γ = 1, β = 0 (default none); plain: Linear → Norm → φ
  --norm-eps E          ε of the norm, 1e-12…1 (default 1e-5)
  --residual            a residual network of constant width: x^k = x^(k−1) + α·F_k(…)
  --blocks K            residual blocks, 1…1000 (default 16); the depth is the stem (when
                        --input-dim differs from --width) plus K × m linear layers
  --branch-depth m      linear layers per branch, 1…4 (default 2), φ between them
  --norm-position pre|post   pre: x + α·F(N(x)) (default); post: N(x + α·F(x))
  --branch-scale A      α: a number 0…100 (default 1), 1/sqrt(K) or 1/K; 0 is ReZero/SkipInit
  --fixup               Fixup (Zhang et al. 2019): last branch layer 0, the others × K^(−1/(2m−2))

Initializer and activation parameters (each applies only where the chosen one declares it)
${wrapWords(paramFlagUsage(), '  ', 90)}

Output
  --format table|csv|json   (default table)
  --backward            also push a N(0,1) gradient back: per layer E[δ²], weight gradient, theory q̃
  --correlations        also the mean pre-activation correlation between inputs, with its theory
  --jacobian            also the input–output Jacobian's singular values at layers 1, L/4, L/2, L
                        (mean, mean square, min, max, 5/25/50/75/95 % quantiles) with the theory's
                        mean square ∏χ₁; float64, refused up front past about 50 s of work
  --lsuv                also LSUV's scale per layer (Mishkin & Matas 2016): orthonormal weights, each
                        layer rescaled on the batch until Var(h) is within 0.1 of 1 (≤ 10 passes)
                        for the network as set, whatever --init is; --init lsuv runs the network
                        with those scales and always adds them
  --jacobian-inputs N   pool the Jacobians of the batch's first N inputs, 1…8 (default 1)
  --width-sweep[=LIST]  instead of one network, the width sweep (coordinate check, Yang et al. 2022):
                        a --depth-hidden-layer MLP (default 3) at widths LIST (default
                        64,128,…,4096; at least 3 different, 1…4096), JSON per parameterization,
                        per hidden layer and the output: mean |activation| per width, the log–log
                        slope with its standard error, and the theory's slope (0; μP's output −½);
                        reads --activation --batch (default 64) --seed --input-dim (default 32)
  --parameterization sp|ntk|mup|all
                        the width sweep's parameterization(s) (default all)
  --threads N           forward pass on N threads, 1…64 (default 1); the same numbers for any N
                        (the backward pass runs on one thread; starting threads takes ~0.3 s)
  --emit pytorch|jax|keras|numpy
                        print a runnable script of the same experiment in that framework instead
                        of running it (it writes this JSON; --depth --width --batch --seed apply)
  --help

Exit codes: 0 success, 2 bad input (one line naming the flag and the allowed values), also for
settings past the run budget (2 TFLOP of work, 1 GB of memory), with what would fit instead.
`;
