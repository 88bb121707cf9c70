import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../core/config';
import { configNames } from './pinNames';
import { architectureName } from './residualReading';

const config = (input: Record<string, unknown>) => normalizeConfig({ width: 64, ...input }).config;

describe('architecture names', () => {
  it('name each architecture in a few words', () => {
    expect(architectureName(undefined)).toBe('plain');
    expect(architectureName(config({ norm: 'batch' }).architecture)).toBe('BatchNorm');
    expect(
      architectureName(config({ residual: true, blocks: 8, branchScale: '1/sqrt(K)', norm: 'layer' }).architecture),
    ).toBe('ResNet 8×2 α 1/sqrt(K) pre-LayerNorm');
    expect(architectureName(config({ residual: true, fixup: true }).architecture)).toBe('ResNet 16×2 Fixup');
  });

  it('tell a plain and a residual network apart on one chart', () => {
    const names = configNames([config({ depth: 32 }), config({ residual: true })]);
    expect(names[0]).toContain('plain');
    expect(names[1]).toContain('ResNet 16×2 α 1');
    expect(names[0]).not.toBe(names[1]);
  });
});
