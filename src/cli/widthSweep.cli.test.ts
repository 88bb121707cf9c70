import { describe, expect, it } from 'vitest';
import { HELP } from './help';
import { run } from './main';
import type { SweepRecord } from './widthSweepCli';

const sweepOf = (args: string[]) => {
  const r = run(args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { widthSweep: SweepRecord }).widthSweep;
};

/**
 * The band the sweep is held to in core/spectra/widthSweep.test.ts: finite-width corrections to a
 * coordinate are systematic in n, not independent noise, so the fit's residual standard error alone
 * does not bound them.
 */
const SLOPE_BAND = 0.05;

describe('CLI --width-sweep', () => {
  it('prints, per parameterization, every hidden layer and the output with their widths, mean |activation|, fitted and theory slopes', () => {
    const widths = [64, 128, 256, 512, 1024];
    const sweep = sweepOf(['--width-sweep=1024,64,256,128,512', '--activation', 'tanh', '--depth', '2', '--seed', '3']);
    expect(sweep).toMatchObject({
      activation: 'tanh',
      hiddenLayers: 2,
      seed: 3,
      batch: 64,
      inputDim: 32,
      outputDim: 64,
    });
    expect(sweep.parameterizations.map((p) => p.parameterization)).toEqual(['standard', 'ntk', 'mup']);
    for (const p of sweep.parameterizations) {
      expect(p.widths).toEqual(widths);
      expect(p.lines.map((l) => l.line)).toEqual(['layer 1', 'layer 2', 'output']);
      for (const l of p.lines) {
        expect(l.meanAbs).toHaveLength(widths.length);
        for (const v of l.meanAbs) expect(v).toBeGreaterThan(0);
        expect(l.theorySlope).toBe(l.line === 'output' && p.parameterization === 'mup' ? -0.5 : 0);
        expect(Math.abs(l.slope - l.theorySlope), `${p.parameterization} ${l.line}`).toBeLessThanOrEqual(SLOPE_BAND);
        expect(l.slopeStandardError).toBeGreaterThan(0);
      }
    }
    // NTK draws the same values as SP at initialization; μP differs only in the read-out.
    const [sp, ntk, mup] = sweep.parameterizations;
    expect(ntk!.lines).toEqual(sp!.lines);
    expect(mup!.lines.slice(0, 2)).toEqual(sp!.lines.slice(0, 2));
    // μP's read-out is SP's divided by √n at each width (same draws, 1/n instead of 1/√n std).
    sp!.lines[2]!.meanAbs.forEach((v, i) =>
      expect((mup!.lines[2]!.meanAbs[i]! * Math.sqrt(widths[i]!)) / v).toBeCloseTo(1, 5),
    );
  });

  it('takes one parameterization, spelled sp, ntk or mup', () => {
    const sweep = sweepOf(['--width-sweep=32,64,128', '--parameterization', 'SP', '--depth', '1']);
    expect(sweep.parameterizations.map((p) => p.parameterization)).toEqual(['standard']);
    expect(
      sweepOf(['--width-sweep=32,64,128', '--parameterization', 'mup', '--depth', '1']).parameterizations[0]!.lines.at(
        -1,
      )!.theorySlope,
    ).toBe(-0.5);
  });

  it('refuses bad values and flags that do not apply, in one line with exit code 2', () => {
    const cases: [string[], string][] = [
      [
        ['--width-sweep=64,abc,256'],
        '--width-sweep: entry 2 ("abc") is not a whole number 1…4096; expected a comma list of at least 3 different whole numbers 1…4096',
      ],
      [['--width-sweep=64,8192,128'], '--width-sweep: entry 2 ("8192") is not a whole number 1…4096'],
      [
        ['--width-sweep=64,64,128'],
        '--width-sweep "64,64,128" has 2 different widths; expected a comma list of at least 3',
      ],
      [['--width-sweep='], '--width-sweep: entry 1 ("") is not a whole number'],
      [['--width-sweep', '--parameterization', 'yang'], '--parameterization "yang" is not one of sp, ntk, mup, all'],
      [['--parameterization', 'mup'], '--parameterization needs --width-sweep'],
      [['--width-sweep', '--init', 'he_normal'], '--init does not apply to --width-sweep'],
      [['--width-sweep', '--width', '64'], '--width does not apply to --width-sweep'],
      [['--width-sweep', '--format', 'csv'], '--width-sweep prints JSON only (got --format csv)'],
      [['--width-sweep', '--depth', '0'], '--depth: '],
      [['--width-sweep', '--activation', 'nope'], '--activation: "nope" is not a known activation'],
      [['--width-sweep', '--depth', '2000'], '--width-sweep up to width 4096 with --depth 2000 and --batch 64 needs'],
      [['--width-sweep', '64,128,256'], '--width-sweep takes no separate value'],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.startsWith(`initscope: ${message}`), `${args.join(' ')} → ${r.stderr}`).toBe(true);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('is in --help', () => {
    expect(HELP).toContain('--width-sweep[=LIST]');
    expect(HELP).toContain('--parameterization sp|ntk|mup|all');
  });
});
