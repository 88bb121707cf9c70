export const TRAIN_HELP = `Initscope — train the seeded network (the same initial weights as simulate) on a generated data set.

Usage: npm run --silent train -- [flags]

Network: every network flag of simulate (--init --activation --depth --width --widths --input-dim
  --seed --bias-std and the initializer's and activation's parameters); a linear read-out is added.

Data (generated from --data-seed, no download)
  --dataset ID          spiral, circles, xor, gaussians (2-D, 500 train / 500 test), mnist1d
                        (Greydanus 2020: 40 inputs, 10 classes, 4000 / 1000), teacher (regression on
                        the outputs of a random tanh teacher; --input-dim inputs, 1000 / 500); default spiral
  --noise X             noise of the 2-D sets, 0…0.5 (default 0)
  --data-seed N         seed of the data and the minibatch order (default: --seed)
  --dump-data FILE      also write the data set as CSV (split, label or target, x1…xd)

Training
  --optimizer ID        sgd, momentum, adam (default sgd; PyTorch's forms; Adam β1 0.9, β2 0.999, ε 1e-8)
  --lr X                learning rate (default 0.01)
  --momentum X          μ of SGD with momentum, 0…0.999 (default 0.9)
  --steps N             updates, 1…100000 (default 1000)
  --batch-size N        minibatch (default 64; --batch is accepted for it)
  --eval-every N        evaluate the whole training and test sets every N steps (default steps/50)
  --clip-norm X         clip the global gradient norm to X (default 0: off)

Output
  --format table|csv|json   (default table). JSON: config, history [{step, trainLoss, testLoss,
                        testAccuracy, gradientNorm[per layer], updateRatio, deadFraction,
                        saturatedFraction}], final {step, trainLoss, testLoss, testAccuracy, diverged}
  --help

Exit codes: 0 success (also when the run diverged: final.diverged says so), 2 bad input (one line),
also for runs past the budget (2 TFLOP of work), with a number of steps that would fit.
`;
