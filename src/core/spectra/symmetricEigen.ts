// Eigenvalues of a real symmetric matrix in float64: Householder reduction to tridiagonal form,
// then the implicit QL iteration with Wilkinson-style shifts (the classic tred2 + tqli pair,
// Press et al., Numerical Recipes, 2nd ed., §11.2–11.3), eigenvalues only. About (4/3)·n³
// operations plus O(n²) for the iteration: a 1024 × 1024 Gram matrix takes a second or two in JS,
// where a Jacobi method would need several sweeps of 4·n³ each.

/** QL sweeps allowed per eigenvalue; convergence is cubic, so 30 is never reached in practice. */
const MAX_ITERATIONS = 60;

/**
 * Householder reduction of the symmetric n × n row-major matrix `a` (its lower triangle is read
 * and destroyed) to a tridiagonal one: diagonal in d, sub-diagonal in e[1…n−1] (e[0] = 0).
 */
function tridiagonalize(a: Float64Array, n: number, d: Float64Array, e: Float64Array): void {
  for (let i = n - 1; i > 0; i--) {
    const l = i - 1;
    const ri = i * n;
    let h = 0;
    if (l > 0) {
      let scale = 0;
      for (let k = 0; k <= l; k++) scale += Math.abs(a[ri + k]!);
      if (scale === 0) {
        e[i] = a[ri + l]!;
      } else {
        for (let k = 0; k <= l; k++) {
          const v = a[ri + k]! / scale;
          a[ri + k] = v;
          h += v * v;
        }
        let f = a[ri + l]!;
        let g = f >= 0 ? -Math.sqrt(h) : Math.sqrt(h);
        e[i] = scale * g;
        h -= f * g;
        a[ri + l] = f - g;
        f = 0;
        for (let j = 0; j <= l; j++) {
          const rj = j * n;
          g = 0;
          for (let k = 0; k <= j; k++) g += a[rj + k]! * a[ri + k]!;
          for (let k = j + 1; k <= l; k++) g += a[k * n + j]! * a[ri + k]!;
          e[j] = g / h;
          f += e[j]! * a[ri + j]!;
        }
        const hh = f / (h + h);
        for (let j = 0; j <= l; j++) {
          const rj = j * n;
          const fj = a[ri + j]!;
          const gj = e[j]! - hh * fj;
          e[j] = gj;
          for (let k = 0; k <= j; k++) a[rj + k]! -= fj * e[k]! + gj * a[ri + k]!;
        }
      }
    } else {
      e[i] = a[ri + l]!;
    }
    d[i] = h;
  }
  e[0] = 0;
  for (let i = 0; i < n; i++) d[i] = a[i * n + i]!;
}

/** |a| with the sign of b. */
function withSign(a: number, b: number): number {
  return b >= 0 ? Math.abs(a) : -Math.abs(a);
}

/** Eigenvalues of the tridiagonal matrix (d, e) into d, by implicit QL; e is destroyed. */
function tridiagonalEigenvalues(d: Float64Array, e: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i]!;
  if (n > 0) e[n - 1] = 0;
  // An off-diagonal entry below ε·‖T‖ is negligible whatever its neighbours: the eigenvalues are
  // known only to that absolute accuracy anyway. The relative test alone never deflates a block of
  // (near) zeros, which a rank-deficient Gram matrix — a ReLU Jacobian's — is full of.
  let norm = 0;
  for (let i = 0; i < n; i++) norm = Math.max(norm, Math.abs(d[i]!) + Math.abs(e[i]!));
  const negligible = Number.EPSILON * norm;
  for (let l = 0; l < n; l++) {
    let iterations = 0;
    for (;;) {
      let m = l;
      for (; m < n - 1; m++) {
        const dd = Math.abs(d[m]!) + Math.abs(d[m + 1]!);
        if (Math.abs(e[m]!) <= Number.EPSILON * dd || Math.abs(e[m]!) <= negligible) break;
      }
      if (m === l) break;
      if (iterations++ === MAX_ITERATIONS) throw new Error('symmetricEigenvalues: no convergence');
      let g = (d[l + 1]! - d[l]!) / (2 * e[l]!);
      let r = Math.hypot(g, 1);
      g = d[m]! - d[l]! + e[l]! / (g + withSign(r, g));
      let s = 1;
      let c = 1;
      let p = 0;
      let i = m - 1;
      let deflated = false;
      for (; i >= l; i--) {
        const f = s * e[i]!;
        const b = c * e[i]!;
        r = Math.hypot(f, g);
        e[i + 1] = r;
        if (r === 0) {
          // An exact zero split the matrix: recover and start again.
          d[i + 1]! -= p;
          e[m] = 0;
          deflated = true;
          break;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1]! - p;
        r = (d[i]! - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
      }
      if (deflated) continue;
      d[l]! -= p;
      e[l] = g;
      e[m] = 0;
    }
  }
}

/**
 * The eigenvalues of the symmetric n × n row-major matrix `a`, ascending. Only the lower triangle
 * is read; `a` is overwritten (pass a copy to keep it).
 */
export function symmetricEigenvalues(a: Float64Array, n: number): Float64Array {
  if (a.length < n * n) throw new RangeError(`symmetricEigenvalues: ${a.length} < ${n}×${n} entries`);
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  tridiagonalize(a, n, d, e);
  tridiagonalEigenvalues(d, e, n);
  return d.sort();
}

/**
 * G = A·Aᵀ for the rows × cols row-major A (rows × rows, lower triangle and diagonal filled, the
 * upper triangle mirrored). Four rows of A at a time, so each load of a row serves four dots.
 */
export function gramOfRows(a: Float64Array, rows: number, cols: number): Float64Array {
  const g = new Float64Array(rows * rows);
  for (let i = 0; i < rows; i++) {
    const ri = i * cols;
    for (let j = 0; j <= i; j++) {
      const rj = j * cols;
      let s0 = 0;
      let s1 = 0;
      let k = 0;
      for (; k + 2 <= cols; k += 2) {
        s0 += a[ri + k]! * a[rj + k]!;
        s1 += a[ri + k + 1]! * a[rj + k + 1]!;
      }
      if (k < cols) s0 += a[ri + k]! * a[rj + k]!;
      const s = s0 + s1;
      g[i * rows + j] = s;
      g[j * rows + i] = s;
    }
  }
  return g;
}

/** Aᵀ (cols × rows) of the rows × cols row-major A. */
export function transposed(a: Float64Array, rows: number, cols: number): Float64Array {
  const t = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) t[c * rows + r] = a[r * cols + c]!;
  return t;
}

/**
 * The min(rows, cols) singular values of the rows × cols row-major A, ascending: square roots of
 * the eigenvalues of the smaller Gram matrix (A·Aᵀ or Aᵀ·A), formed from A / max|A| so that
 * squaring can neither overflow nor underflow (a deep product's entries can be 10²⁰⁰). Squaring
 * costs accuracy only in the smallest values: an absolute error of about ε·σ_max² in σ², so σ below
 * √ε·σ_max ≈ 1.5·10⁻⁸·σ_max is noise (reported as ≥ 0, never NaN). A must be finite.
 */
export function singularValues(a: Float64Array, rows: number, cols: number): Float64Array {
  const n = Math.min(rows, cols);
  let scale = 0;
  for (let i = 0; i < rows * cols; i++) scale = Math.max(scale, Math.abs(a[i]!));
  if (scale === 0) return new Float64Array(n);
  const scaled = new Float64Array(rows * cols);
  for (let i = 0; i < rows * cols; i++) scaled[i] = a[i]! / scale;
  const gram = rows <= cols ? gramOfRows(scaled, rows, cols) : gramOfRows(transposed(scaled, rows, cols), cols, rows);
  const lambda = symmetricEigenvalues(gram, n);
  for (let i = 0; i < n; i++) lambda[i] = scale * Math.sqrt(Math.max(0, lambda[i]!));
  return lambda;
}
