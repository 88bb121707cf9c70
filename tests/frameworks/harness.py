"""Runs exported Initscope scripts inside one Python process, for the parity suite.

Reads a JSON list of jobs on standard input and prints a JSON list of results:
  {"kind": "init", "script": PATH, "framework": F, "shapes": [[n_in, n_out], ...]}
      -> per shape: the sample's E[w], E[w^2], E[w^4], min, max of one weight matrix drawn by the
         script's own initializer (init_weight / weight_initializer / draw_weight)
  {"kind": "run", "script": PATH, "framework": F, "seeds": [..]}
      -> per seed: the script's run(config) record, config = its CONFIG with that seed
  {"kind": "norm", "script": PATH, "framework": F, "input": [[..], ..]}
      -> the script's own normalization (norm_layer / normalize) of that B x N float32 input
"""
import importlib.util
import json
import sys

import numpy as np


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def draw(module, framework, n_in, n_out, seed):
    """One (n_in, n_out) kernel from the script's initializer, as float64 numpy."""
    if framework == 'pytorch':
        import torch

        torch.manual_seed(seed)
        w = torch.empty(n_out, n_in)
        with torch.no_grad():
            module.init_weight(w, n_in, n_out)
        return w.numpy().T.astype(np.float64)
    if framework == 'jax':
        import jax

        return np.asarray(module.init_weight(jax.random.key(seed), n_in, n_out), dtype=np.float64)
    if framework == 'keras':
        import keras

        keras.utils.set_random_seed(seed)
        return np.asarray(keras.ops.convert_to_numpy(module.weight_initializer(n_in, n_out)((n_in, n_out))), dtype=np.float64)
    return np.asarray(module.draw_weight(np.random.default_rng(seed), n_in, n_out), dtype=np.float64)


def normalize(module, framework, x):
    """The script's normalization of x (B x N), as float64 numpy."""
    x = np.asarray(x, dtype=np.float32)
    if framework == 'pytorch':
        import torch

        with torch.no_grad():
            return module.norm_layer(x.shape[1], 'cpu')(torch.from_numpy(x)).numpy().astype(np.float64)
    if framework == 'keras':
        import keras

        return np.asarray(keras.ops.convert_to_numpy(module.norm_layer()(x, training=True)), dtype=np.float64)
    return np.asarray(module.normalize(x), dtype=np.float64)


def summary(w):
    return {
        'mean': float(w.mean()),
        'secondMoment': float(np.mean(w * w)),
        'fourthMoment': float(np.mean(w ** 4)),
        'min': float(w.min()),
        'max': float(w.max()),
        'count': int(w.size),
    }


def main():
    jobs = json.load(sys.stdin)
    results = []
    for i, job in enumerate(jobs):
        module = load(job['script'], f'initscope_job_{i}')
        framework = job['framework']
        if job['kind'] == 'init':
            results.append([summary(draw(module, framework, n_in, n_out, 7 + k)) for k, (n_in, n_out) in enumerate(job['shapes'])])
        elif job['kind'] == 'norm':
            results.append(normalize(module, framework, job['input']).tolist())
        else:
            runs = []
            for seed in job['seeds']:
                config = dict(module.CONFIG, seed=seed)
                runs.append(module.finite(module.run(config)))
            results.append(runs)
    json.dump(results, sys.stdout)


if __name__ == '__main__':
    main()
