"""Applies the exported hooks helper (initscope_hooks.py) to real PyTorch models, for the parity suite.

Reads {"hooks": PATH, "width", "depth", "batch", "seeds": [..]} on standard input and prints
{"sequential": [record per seed], "custom": [record per seed]}: the JSON record_signal returns for
  sequential — nn.Sequential(Linear, ReLU, …, Linear), `depth` Linear layers;
  custom      — a module whose forward is written by hand: a Linear stem, two Conv1d and two
                Conv2d layers with 1-wide kernels on a 1-long (1×1) signal, and a Linear head
                that is defined first but called last (hooks number layers by first call).
Every weight is torch.nn.init.kaiming_normal_ (fan_in, ReLU gain), every bias 0, the input N(0, 1):
the law of Initscope's torch_kaiming_normal + ReLU network of the same widths. A 1-wide kernel on
a 1-long signal is a Linear layer with the same fan_in, so the app's simulate is the reference.
"""
import importlib.util
import json
import sys

import torch
import torch.nn.functional as F
from torch import nn


def load(path):
    spec = importlib.util.spec_from_file_location('initscope_hooks', path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def initialize(model):
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, (nn.Linear, nn.Conv1d, nn.Conv2d)):
                nn.init.kaiming_normal_(m.weight, nonlinearity='relu')
                nn.init.zeros_(m.bias)
    return model


def sequential(width, depth):
    layers = []
    for i in range(depth):
        layers.append(nn.Linear(width, width))
        if i < depth - 1:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


class Custom(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.head = nn.Linear(width, width)
        self.stem = nn.Linear(width, width)
        self.line = nn.ModuleList([nn.Conv1d(width, width, 1) for _ in range(2)])
        self.plane = nn.ModuleList([nn.Conv2d(width, width, 1) for _ in range(2)])

    def forward(self, x):
        a = F.relu(self.stem(x)).unsqueeze(-1)
        for conv in self.line:
            a = F.relu(conv(a))
        a = a.unsqueeze(-1)
        for conv in self.plane:
            a = F.relu(conv(a))
        return self.head(a.flatten(1))


CUSTOM_DEPTH = 6


def main():
    job = json.load(sys.stdin)
    hooks = load(job['hooks'])
    width, batch = job['width'], job['batch']
    out = {'sequential': [], 'custom': []}
    for seed in job['seeds']:
        for name, build in (('sequential', lambda: sequential(width, job['depth'])), ('custom', lambda: Custom(width))):
            torch.manual_seed(seed)
            model = initialize(build())
            inputs = torch.randn(batch, width)
            out[name].append(hooks.finite(hooks.record_signal(model, inputs, seed=seed)))
    json.dump(out, sys.stdout)


if __name__ == '__main__':
    main()
