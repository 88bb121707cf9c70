// The experiment as a PyTorch script: torch.nn.Linear layers initialized with torch.nn.init,
// forward and (autograd) backward statistics on cpu, cuda or mps.

import type { SimConfig } from '../core/types';
import { activationCode } from './activationCode';
import { argsBlock, configBlock, header, MAIN_BLOCK, momentsBlock, pythonScript, RECORDS_BLOCK } from './common';
import { torchInit } from './initCode';

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

function runBlock(config: SimConfig): string {
  const input =
    config.input === 'uniform'
      ? "(torch.rand(batch, config['inputDim'], device=device) * 2 - 1) * math.sqrt(3.0)"
      : "torch.randn(batch, config['inputDim'], device=device)";
  return [
    'def build(config, device):',
    "    fans = [config['inputDim']] + config['widths'][:-1]",
    '    layers = nn.ModuleList()',
    '    with torch.no_grad():',
    "        for n_in, n_out in zip(fans, config['widths']):",
    '            linear = nn.Linear(n_in, n_out, device=device)',
    '            init_weight(linear.weight, n_in, n_out)',
    '            init_bias(linear.bias, n_in, n_out)',
    '            layers.append(linear)',
    '    return layers',
    '',
    '',
    "def run(config, device='cpu', backward=True):",
    "    torch.manual_seed(config['seed'])",
    '    device = torch.device(device)',
    '    layers = build(config, device)',
    `    activation = ${activationCode(config, 'pytorch')}`,
    "    batch = config['batch']",
    `    signal = ${input}`,
    '    records, pres = [], []',
    '    with torch.set_grad_enabled(backward):',
    '        for linear in layers:',
    '            h = linear(signal)',
    '            if backward:',
    '                h.retain_grad()',
    '            signal = activation(h)',
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

export function pytorchScript(config: SimConfig): string {
  return pythonScript(
    header('pytorch', config, PYTORCH_FILE, 'torch (tested with 2.13)', ' --device cuda'),
    ['import torch', 'from torch import nn'],
    [
      configBlock(config),
      torchInit(config),
      ...(config.activation === 'sin' ? [SIN_MODULE] : []),
      TORCH_MOMENTS,
      RECORDS_BLOCK,
      runBlock(config),
      argsBlock("Initscope's experiment in PyTorch", {
        extraArgs: [
          "parser.add_argument('--device', default='cpu', choices=['cpu', 'cuda', 'mps'], help='where to run (default cpu)')",
          "parser.add_argument('--forward-only', action='store_true', help='skip the backward pass (less memory)')",
        ],
      }),
      MAIN_BLOCK('run(settings(args), device=args.device, backward=not args.forward_only)'),
    ],
  );
}
