// The hooks helper: Initscope's per-layer statistics for any PyTorch model. Forward hooks on every
// nn.Linear and convolution record what each receives and produces; full backward hooks record
// dL/d(output) of each, for L = Σ output·g with g ~ N(0, 1) as in the app (or the user's loss).

import { pythonScript, RECORDS_BLOCK } from './common';
import { TORCH_MOMENTS } from './pytorch';

export const HOOKS_FILE = 'initscope_hooks.py';

const RECORD_SIGNAL = `TRACKED = (nn.Linear, nn.Conv1d, nn.Conv2d, nn.Conv3d)


def fans(module):
    """fan_in and fan_out as torch.nn.init counts them (in and out channels times the kernel size)."""
    w = module.weight
    receptive = w[0][0].numel() if w.dim() > 2 else 1
    return w.shape[1] * receptive, w.shape[0] * receptive


def record_signal(model, inputs, out=None, backward=True, loss_fn=None, seed=0):
    """Runs one batch through \`model\` and returns (and with out=FILE writes) Initscope's JSON.

    Every nn.Linear / nn.Conv1d/2d/3d is one layer, in the order they are first called; a module
    called twice counts once. A layer's activation is what the next tracked layer receives. With
    backward=True the model's .grad fields are cleared and then hold this batch's gradients.
    """
    entries = {}
    handles = []

    def on_forward(name):
        def hook(module, args, output):
            if module not in entries and isinstance(output, torch.Tensor):
                entries[module] = {'name': name, 'input': moments(args[0]), 'pre': moments(output)}
        return hook

    def on_backward(module, grad_input, grad_output):
        if module in entries and grad_output[0] is not None and 'delta' not in entries[module]:
            entries[module]['delta'] = grad_output[0].detach().clone()

    for name, module in model.named_modules():
        if isinstance(module, TRACKED):
            handles.append(module.register_forward_hook(on_forward(name)))
            if backward:
                handles.append(module.register_full_backward_hook(on_backward))
    try:
        model.zero_grad(set_to_none=True)
        with torch.set_grad_enabled(backward):
            output = model(inputs)
            if backward:
                if loss_fn is not None:
                    loss = loss_fn(output)
                else:
                    generator = torch.Generator(device=output.device).manual_seed(seed)
                    g = torch.randn(output.shape, generator=generator, device=output.device, dtype=output.dtype)
                    loss = (output * g).sum()
                with warnings.catch_warnings():
                    # Expected when the inputs need no gradient: the first layer's hook still fires.
                    warnings.filterwarnings('ignore', message='Full backward hook is firing')
                    loss.backward()
    finally:
        for handle in handles:
            handle.remove()

    modules = list(entries)
    layers = []
    input_zero = False
    for i, module in enumerate(modules):
        entry = entries[module]
        n_in, n_out = fans(module)
        w = moments(module.weight)
        p = entry['pre']
        weights_zero = w['fractionZero'] == 1
        layer = {
            'layer': i + 1,
            'name': entry['name'],
            'fanIn': n_in,
            'fanOut': n_out,
            'status': status_of(p, weights_zero, input_zero),
            'weights': {k: w[k] for k in ('mean', 'variance', 'min', 'max')},
            'preactivation': p,
        }
        if i + 1 < len(modules):
            a = entries[modules[i + 1]]['input']
            layer['activation'] = {k: a[k] for k in ('mean', 'variance', 'secondMoment', 'min', 'max', 'fractionZero')}
            input_zero = a['fractionZero'] == 1
        if 'delta' in entry and module.weight.grad is not None:
            layer['gradient'] = gradient_record(entry['delta'], module.weight.grad)
        layers.append(layer)
    widths = [getattr(m, 'out_features', None) or m.out_channels for m in modules]
    config = {'depth': len(layers), 'widths': widths, 'batch': int(inputs.shape[0])}
    if layers:
        config['inputDim'] = layers[0]['fanIn']
    source = {'framework': 'pytorch-hooks', 'version': torch.__version__, 'model': type(model).__name__}
    record = {'config': config, 'layers': layers, 'source': source}
    if out is not None:
        write(record, out)
    return record


def main():
    """A demonstration on a 20-layer tanh MLP with PyTorch's default initialization."""
    import argparse

    parser = argparse.ArgumentParser(description='Initscope hooks: an example model, recorded')
    parser.add_argument('--out', help='write the JSON to this file instead of standard output')
    args = parser.parse_args()
    torch.manual_seed(0)
    blocks = []
    for _ in range(20):
        blocks += [nn.Linear(256, 256), nn.Tanh()]
    model = nn.Sequential(*blocks)
    write(record_signal(model, torch.randn(128, 256)), args.out)


if __name__ == '__main__':
    main()`;

export function hooksScript(): string {
  const head = [
    '#!/usr/bin/env python3',
    '"""Initscope hooks: your own PyTorch model\'s signal, layer by layer, opened in Initscope.',
    '',
    '    from initscope_hooks import record_signal',
    "    record_signal(model, torch.randn(128, 784), out='my_model.json')",
    '',
    'Then open my_model.json in Initscope (Open results). Forward hooks on every nn.Linear and',
    'convolution record the pre-activations (what the layer outputs) and what the next layer receives;',
    "backward hooks record the gradient dL/d(output) for L = sum(output * g), g ~ N(0, 1), as the app's",
    'own backward pass does (pass loss_fn=... to use your loss instead). Needs torch.',
    '"""',
  ].join('\n');
  return pythonScript(
    head,
    ['import warnings', '', 'import torch', 'from torch import nn'],
    [TORCH_MOMENTS, RECORDS_BLOCK, RECORD_SIGNAL],
  );
}
