// sin, the SIREN activation. Bounded and odd, with every Gaussian moment in closed form because
// E[e^{iu}] = e^{−q/2}.
import type { ActivationSpec } from './spec';
import { SATURATION_THRESHOLD } from './spec';

export const sine: ActivationSpec = {
  id: 'sin',
  label: 'Sine',
  params: [],
  bounded: true,
  outputRange: { lo: -1, hi: 1, saturates: false },
  homogeneous: false,
  kinks: () => [],
  note: 'SIREN (Sitzmann et al. 2020) scales the first layer, sin(ω₀·(Wx + b)) with ω₀ = 30, and draws weights from U(±√(6/n)/ω₀); this plain sin has no ω₀.',
  make: () => ({
    f: Math.sin,
    df: Math.cos,
    apply(src, dst, n) {
      for (let i = 0; i < n; i++) dst[i] = Math.sin(src[i]!);
    },
    // |cos| is small near every odd multiple of π/2, so there is no single threshold on |x|.
    countSaturated: (src, n) => {
      let count = 0;
      for (let i = 0; i < n; i++) if (Math.abs(Math.cos(src[i]!)) < SATURATION_THRESHOLD) count++;
      return count;
    },
    closed: {
      // E[sin²] = (1 − e^{−2q})/2, E[cos²] = (1 + e^{−2q})/2.
      secondMoment: (q) => -0.5 * Math.expm1(-2 * q),
      mean: () => 0,
      derivSecondMoment: (q) => 0.5 * (1 + Math.exp(-2 * q)),
      // E[sin u sin v] = ½(E cos(u − v) − E cos(u + v)) = e^{−(qa+qb)/2}·sinh(ρ), ρ = c√(qa·qb),
      // written with two exponentials that cannot overflow (qa + qb ≥ 2|ρ|).
      kernel: (qa, qb, c) => {
        const rho = c * Math.sqrt(qa * qb);
        return 0.5 * (Math.exp(-(qa + qb - 2 * rho) / 2) - Math.exp(-(qa + qb + 2 * rho) / 2));
      },
      derivKernel: (qa, qb, c) => {
        const rho = c * Math.sqrt(qa * qb);
        return 0.5 * (Math.exp(-(qa + qb - 2 * rho) / 2) + Math.exp(-(qa + qb + 2 * rho) / 2));
      },
    },
  }),
};
