// The read-out's losses: softmax cross-entropy for classes, mean squared error for regression,
// both averaged over the rows (PyTorch's CrossEntropyLoss and MSELoss with reduction 'mean').
// Computed in float64 from the float32 outputs; the gradient is rounded to float32 once.

/** Sum over the rows of the loss (float64), and the number of rows whose argmax is the label. */
export interface LossSum {
  loss: number;
  correct: number;
}

/**
 * The loss of `rows` rows of outputs z (rows × width) against y. When dOut is given it receives
 * ∂(mean loss over `scaleRows` rows)/∂z. Classification when classes > 0 (width = classes).
 */
export function lossOf(
  z: Float32Array,
  y: Float32Array,
  rows: number,
  classes: number,
  dOut: Float32Array | null,
  scaleRows = rows,
): LossSum {
  let loss = 0;
  let correct = 0;
  if (classes === 0) {
    for (let b = 0; b < rows; b++) {
      const e = z[b]! - y[b]!;
      loss += e * e;
      if (dOut) dOut[b] = (2 * e) / scaleRows;
    }
    return { loss, correct };
  }
  const C = classes;
  for (let b = 0; b < rows; b++) {
    const o = b * C;
    const label = y[b]!;
    let max = -Infinity;
    let arg = 0;
    for (let c = 0; c < C; c++) {
      if (z[o + c]! > max) {
        max = z[o + c]!;
        arg = c;
      }
    }
    if (arg === label) correct++;
    let sum = 0;
    for (let c = 0; c < C; c++) sum += Math.exp(z[o + c]! - max);
    const lse = max + Math.log(sum);
    // An Inf or NaN output makes the loss NaN: the trainer reports that as divergence.
    loss += lse - z[o + label]!;
    if (dOut) {
      for (let c = 0; c < C; c++) dOut[o + c] = (Math.exp(z[o + c]! - lse) - (c === label ? 1 : 0)) / scaleRows;
    }
  }
  return { loss, correct };
}
