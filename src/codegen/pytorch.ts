// The experiment as a PyTorch script: torch.nn.Linear layers initialized with torch.nn.init,
// forward and (autograd) backward statistics on cpu, cuda or mps.

import type { SimConfig } from '../core/types';
import { activationCode } from './activationCode';
import { argsBlock, configBlock, header, MAIN_BLOCK, momentsBlock, pythonScript, RECORDS_BLOCK } from './common';
import { hasNorm, isResidualNet, residualBlock, streamStatsBlock } from './architecture';
import { torchInit } from './initCode';
import { torchResidualRun } from './pytorchResidual';

export const PYTORCH_FILE = 'initscope_pytorch.py';

export const TORCH_MOMENTS = momentsBlock(
  [
    't = t.detach()',
    '# float64 sums where the device has them (MPS has no float64).',
    "wide = t.float() if t.device.type == 'mps' else t.double()",
  ],
  {
    mean: 'wide.mean()',
    variance: 'wide.var(correction=0) if t.numel() > 1 else 0.0',
    secondMoment: '(wide * wide).mean()',
    min: 't.min()',
    max: 't.max()',
    fractionZero: '(t == 0).to(wide.dtype).mean()',
    nonFinite: '(~torch.isfinite(t)).sum()',
  },
);

const SIN_MODULE = ['class Sin(nn.Module):', '    def forward(self, h):', '        return torch.sin(h)'].join('\n');

export function torchInput(config: SimConfig): string {
  return config.input === 'uniform'
    ? "(torch.rand(batch, config['inputDim'], device=device) * 2 - 1) * math.sqrt(3.0)"
    : "torch.randn(batch, config['inputDim'], device=device)";
}

/** build(config, device): the linear layers, each initialized as the app draws it. */
export function torchBuild(config: SimConfig): string {
  const fixup = isResidualNet(config) && config.architecture!.fixup;
  return [
    'def build(config, device):',
    "    fans = [config['inputDim']] + config['widths'][:-1]",
    '    layers = nn.ModuleList()',
    '    with torch.no_grad():',
    fixup
      ? "        for i, (n_in, n_out) in enumerate(zip(fans, config['widths'])):"
      : "        for n_in, n_out in zip(fans, config['widths']):",
    '            linear = nn.Linear(n_in, n_out, device=device)',
    '            init_weight(linear.weight, n_in, n_out)',
    '            init_bias(linear.bias, n_in, n_out)',
    ...(fixup
      ? [
          '            scale = fixup_multiplier(config, i)',
          '            if scale is not None:',
          '                linear.weight.mul_(scale)',
          '                linear.bias.zero_()',
        ]
      : []),
    '            layers.append(linear)',
    '    return layers',
  ].join('\n');
}

/** build(), then run()'s first lines: the seed, the device and the layers. */
export function torchRunStart(config: SimConfig): string[] {
  return [
    torchBuild(config),
    '',
    '',
    "def run(config, device='cpu', backward=True):",
    "    torch.manual_seed(config['seed'])",
    '    device = torch.device(device)',
    '    layers = build(config, device)',
  ];
}

/** norm_layer(width, device): the framework's own normalization module, in training mode. */
export const TORCH_NORM = [
  'def norm_layer(width, device):',
  "    # ε is passed explicitly: torch.nn.RMSNorm's default is the float type's machine epsilon",
  '    # (1.2e-7 in float32), not 1e-5. A new BatchNorm1d is in training mode: it normalizes with',
  '    # the batch statistics and the biased variance (the unbiased one only feeds running_var).',
  "    kind, eps = CONFIG['architecture']['norm'], CONFIG['architecture']['normEps']",
  "    if kind == 'batch':",
  '        return nn.BatchNorm1d(width, eps=eps, device=device)',
  "    if kind == 'layer':",
  '        return nn.LayerNorm(width, eps=eps, device=device)',
  '    return nn.RMSNorm(width, eps=eps, device=device)',
].join('\n');

function runBlock(config: SimConfig): string {
  const norm = hasNorm(config);
  return [
    ...torchRunStart(config),
    ...(norm ? ['    norms = [norm_layer(linear.out_features, device) for linear in layers]'] : []),
    `    activation = ${activationCode(config, 'pytorch')}`,
    "    batch = config['batch']",
    `    signal = ${torchInput(config)}`,
    '    records, pres = [], []',
    '    with torch.set_grad_enabled(backward):',
    `        for ${norm ? 'linear, norm in zip(layers, norms)' : 'linear in layers'}:`,
    '            h = linear(signal)',
    '            if backward:',
    '                h.retain_grad()',
    `            signal = activation(${norm ? 'norm(h)' : 'h'})`,
    '            append_layer(records, linear.in_features, linear.out_features, linear.weight, linear.bias, h, signal)',
    '            pres.append(h)',
    '        if backward:',
    '            g = torch.randn(pres[-1].shape, device=device)',
    '            (pres[-1] * g).sum().backward()',
    '            for record, h, linear in zip(records, pres, layers):',
    "                record['gradient'] = gradient_record(h.grad, linear.weight.grad)",
    "    source = {'framework': 'pytorch', 'version': torch.__version__, 'device': str(device)}",
    "    return {'config': config, 'layers': records, 'source': source}",
  ].join('\n');
}

const TORCH_STREAM = streamStatsBlock(
  ['x = x.detach()', "wide = x.float() if x.device.type == 'mps' else x.double()"],
  '(wide * wide).mean()',
  '(wide.mean(0) ** 2).mean()',
);

export function pytorchScript(config: SimConfig): string {
  const residual = isResidualNet(config);
  return pythonScript(
    header('pytorch', config, PYTORCH_FILE, 'torch (tested with 2.13)', ' --device cuda'),
    ['import torch', 'from torch import nn'],
    [
      configBlock(config),
      torchInit(config),
      ...(config.activation === 'sin' ? [SIN_MODULE] : []),
      ...(hasNorm(config) ? [TORCH_NORM] : []),
      TORCH_MOMENTS,
      RECORDS_BLOCK,
      ...(residual ? [residualBlock(config), TORCH_STREAM, torchResidualRun(config)] : [runBlock(config)]),
      argsBlock("Initscope's experiment in PyTorch", {
        residual,
        extraArgs: [
          "parser.add_argument('--device', default='cpu', choices=['cpu', 'cuda', 'mps'], help='where to run (default cpu)')",
          "parser.add_argument('--forward-only', action='store_true', help='skip the backward pass (less memory)')",
        ],
      }),
      MAIN_BLOCK('run(settings(args), device=args.device, backward=not args.forward_only)'),
    ],
  );
}
