import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../core/config';
import type { MatmulKernel } from '../core/kernels';
import { forwardShared } from '../core/parallel/sharedLayout';
import type { FromTeamHelper, ToTeamHelper } from './teamProtocol';
import { MAX_TEAM_MEMBERS, WorkerTeam, teamSizeFor, type HelperLike } from './workerTeam';

/** A helper that records what it is sent and replies only when told to. */
class FakeHelper implements HelperLike {
  onmessage: ((event: MessageEvent<FromTeamHelper>) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  sent: ToTeamHelper[] = [];
  terminated = false;
  postMessage(message: ToTeamHelper): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(message: FromTeamHelper): void {
    this.onmessage?.({ data: message } as MessageEvent<FromTeamHelper>);
  }
}

function teamOf(members: number): { team: WorkerTeam; helpers: FakeHelper[] } {
  const helpers: FakeHelper[] = [];
  const team = new WorkerTeam(members, () => {
    const helper = new FakeHelper();
    helpers.push(helper);
    return helper;
  });
  return { team, helpers };
}

// W1's layers (2·256·512² ≈ 134 MFLOP each) and the default view's (2·128·256² ≈ 17 MFLOP).
const big = normalizeConfig({ depth: 4, width: 512, batch: 256 }).config;
const small = normalizeConfig({ depth: 30, width: 256, batch: 128 }).config;

/**
 * A kernel that fails at once: the leader throws before its first barrier, so it never waits for
 * the fake helpers (and stops the run for them); what was sent is what matters in these tests.
 */
const failing = {
  ensure() {
    throw new Error('no kernel here');
  },
} as unknown as MatmulKernel;

describe('teamSizeFor', () => {
  it('is one member without cross-origin isolation, else one per core up to the cap', () => {
    expect(teamSizeFor(8, false)).toBe(1);
    expect(teamSizeFor(2, true)).toBe(2);
    expect(teamSizeFor(64, true)).toBe(MAX_TEAM_MEMBERS);
    expect(teamSizeFor(undefined, true)).toBe(1);
    expect(teamSizeFor(0, true)).toBe(1);
  });
});

describe('WorkerTeam', () => {
  it('takes big runs only once every helper is ready', () => {
    const { team, helpers } = teamOf(3);
    expect(team.members).toBe(3);
    expect(helpers).toHaveLength(2);
    expect(team.takes(big)).toBe(false);
    helpers[0]!.reply({ type: 'ready' });
    expect(team.takes(big)).toBe(false);
    helpers[1]!.reply({ type: 'ready' });
    expect(team.takes(big)).toBe(true);
    // Small layers stay on one thread: barriers would cost more than the split saves.
    expect(team.takes(small)).toBe(false);
  });

  it('stops taking runs after a helper failed, and says why', () => {
    const { team, helpers } = teamOf(2);
    helpers[0]!.reply({ type: 'ready' });
    expect(team.takes(big)).toBe(true);
    helpers[0]!.reply({ type: 'error', message: 'out of memory' });
    expect(team.takes(big)).toBe(false);
    expect(team.failure).toBe('out of memory');
  });

  it('handles a helper that crashed: the team stops, and the error goes no further up', () => {
    const { team, helpers } = teamOf(2);
    helpers[0]!.reply({ type: 'ready' });
    const event = new Event('error', { cancelable: true });
    helpers[0]!.onerror?.(event);
    expect(event.defaultPrevented).toBe(true);
    expect(team.takes(big)).toBe(false);
    expect(team.failure).toMatch(/could not start or crashed/);
  });

  it('a team of one has no helpers and never splits', () => {
    const { team, helpers } = teamOf(1);
    expect(helpers).toHaveLength(0);
    expect(team.takes(big)).toBe(false);
  });

  it('hands each helper its own rank of one shared buffer, and terminates them on dispose', () => {
    const { team, helpers } = teamOf(3);
    helpers.forEach((h) => h.reply({ type: 'ready' }));
    const run = team.forward(big, {}, failing);
    // Nothing is sent before the leader starts reading the layers.
    expect(helpers[0]!.sent).toHaveLength(0);
    expect(() => run.next()).toThrow('no kernel here');
    expect(helpers.map((h) => h.sent[0]!.rank)).toEqual([1, 2]);
    expect(helpers[0]!.sent[0]!.buffer).toBe(helpers[1]!.sent[0]!.buffer);
    expect(helpers.every((h) => h.sent[0]!.members === 3)).toBe(true);
    team.dispose();
    expect(helpers.every((h) => h.terminated)).toBe(true);
  });

  it('reuses the shared buffer, zeroed, once every helper is done with it; a run before that gets its own', () => {
    const { team, helpers } = teamOf(3);
    helpers.forEach((h) => h.reply({ type: 'ready' }));
    const start = (): SharedArrayBuffer => {
      expect(() => team.forward(big, {}, failing).next()).toThrow('no kernel here');
      return helpers[0]!.sent.at(-1)!.buffer;
    };
    const first = start();
    // The helpers may still be in the first run: the second may not share its memory.
    const second = start();
    expect(second).not.toBe(first);
    helpers.forEach((h) => h.reply({ type: 'done' }));
    helpers[0]!.reply({ type: 'done' });
    expect(team.takes(big)).toBe(true);
    // One helper has not answered for the second run yet.
    expect(start()).not.toBe(second);
    helpers.forEach((h) => h.reply({ type: 'done' }));
    helpers[1]!.reply({ type: 'done' });
    const last = helpers[0]!.sent.at(-1)!.buffer;
    // What a run leaves behind (counters, weights, histograms…) must not reach the next one.
    new Uint8Array(last).fill(0x7f);
    const reused = start();
    expect(reused).toBe(last);
    expect(helpers[1]!.sent.at(-1)!.buffer).toBe(reused);
    // The leader (failing at once) wrote nothing but its stop flag into the barrier's words.
    const views = forwardShared(reused, big, 3);
    for (const name of ['counters', 'weights', 'activationsA', 'histograms', 'preRecords'] as const) {
      expect(views[name].every((v) => v === 0)).toBe(true);
    }
  });
});
