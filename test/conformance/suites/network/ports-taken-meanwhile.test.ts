/**
 * Another program may take a port of an edition's range between the kit's probe and the server's start (on Linux the
 * kernel draws client connections' ports from 32768-60999, which holds every edition's ranges). The Home port check
 * then sees the server on another port than the probe's first free one: that says nothing of the server, so the check
 * starts it again, and fails only a server that passed over a port free before and after its start.
 */
import { describe, expect, it } from 'vitest';
import { editionPortChecks, portFallbackCheck } from '../../../../conformance/suites/network/ports-by-edition.js';
import { hold, type Held } from '../../../../conformance/suites/network/port-probe.js';
import { EDITIONS } from '../../../../conformance/spec/editions.js';
import { ReferenceTarget } from '../../../../conformance/targets/reference-target.js';
import type { OwnServer, Target, TargetSession } from '../../../../conformance/targets/target.js';
import type { Check } from '../../../../conformance/kit/check.js';
import { cellsOf, runChecks } from '../fixtures/run-checks.js';

const homePorts = editionPortChecks[2] as Check;
const DEFAULT_TCP = EDITIONS.home.tcp.first;

/**
 * How Home's default TCP port is held as the server starts. `flips`: another program takes it at one start and frees
 * it at the next, for that many starts (the kit probes between a start and the next). `whileStarting`: held only until
 * the server has started, as though the server itself passed over it; with `heldBefore`, another program also holds
 * it from before the check until the first start.
 */
type InTheWay =
  { readonly flips: number; readonly port?: number } | { readonly whileStarting: true; readonly heldBefore?: boolean };

/** The reference Home target, whose own servers start with another program in the way. */
class CrowdedHome implements Target {
  private readonly inner = new ReferenceTarget(['home']);
  private held: Held | undefined;
  starts = 0;

  constructor(private readonly inTheWay: InTheWay) {}

  describe() {
    return this.inner.describe();
  }

  async open(edition: 'pro' | 'lite' | 'home'): Promise<TargetSession> {
    const session = await this.inner.open(edition);
    const startOwn = session.startOwnServer;
    if (!startOwn) throw new Error('the reference target starts its own servers');
    if ('whileStarting' in this.inTheWay && this.inTheWay.heldBefore) this.held = await hold('tcp', [DEFAULT_TCP]);
    return { ...session, startOwnServer: () => this.startCrowded(startOwn) };
  }

  private async startCrowded(startOwn: () => Promise<OwnServer>): Promise<OwnServer> {
    this.starts += 1;
    if ('whileStarting' in this.inTheWay) {
      await this.release();
      this.held = await hold('tcp', [DEFAULT_TCP]);
      const server = await startOwn();
      await this.release();
      return server;
    }
    if (this.starts <= this.inTheWay.flips) {
      if (this.held) await this.release();
      else this.held = await hold('tcp', [this.inTheWay.port ?? DEFAULT_TCP]);
    }
    return startOwn();
  }

  async release(): Promise<void> {
    await this.held?.release();
    this.held = undefined;
  }
}

async function homeCell(target: CrowdedHome, check = homePorts): Promise<[string, string | undefined]> {
  try {
    const [[, verdict, text]] = cellsOf(await runChecks(target, [check], 1), check.id) as [
      [string, string, string | undefined],
    ];
    return [verdict, text];
  } finally {
    await target.release();
  }
}

describe('the Home port check with another program taking and freeing ports during a start', () => {
  // Other starts may move too (other connections of this machine): the counts of starts are lower bounds.
  it('starts the server again and judges it on a start with the ranges still', async () => {
    // Taken during the first start and freed during the second: both starts mismatch the probe; the third is still.
    const target = new CrowdedHome({ flips: 2 });
    expect(await homeCell(target)).toEqual(['pass', undefined]);
    expect(target.starts).toBeGreaterThanOrEqual(3);
  });

  it('judges the move to the next free port on a start with the ranges still', async () => {
    // The check holds the default itself; the other program takes and frees the next port during two starts.
    const target = new CrowdedHome({ flips: 2, port: DEFAULT_TCP + 1 });
    expect(await homeCell(target, portFallbackCheck)).toEqual(['pass', undefined]);
    // Three starts for the next free port, then one with the whole TCP range held and one with the UDP range.
    expect(target.starts).toBeGreaterThanOrEqual(5);
  });

  it('is an error of the machine, never a verdict, when the ranges move during every start', async () => {
    const [verdict, reason] = await homeCell(new CrowdedHome({ flips: Number.POSITIVE_INFINITY }));
    expect(verdict).toBe('error');
    expect(reason).toMatch(
      /^the kit's machine kept the check from judging the target: ports-moving: another program took or freed ports of the home ranges during each of 5 starts/,
    );
  });

  it('still fails a server that passes over a default free before and after its start', async () => {
    const [verdict, message] = await homeCell(new CrowdedHome({ whileStarting: true }));
    expect(verdict).toBe('fail');
    expect(message).toMatch(/^with TCP \d+ and UDP \d+ the first free ports .* the server took TCP \d+/);
  });

  it('does not pass such a server on a start whose probe found its default taken by another program', async () => {
    // The probe finds the default held, the server takes the next port as it always does: that start proves nothing,
    // since the default came free while it started; the next start, with the default free, fails it.
    const [verdict, message] = await homeCell(new CrowdedHome({ whileStarting: true, heldBefore: true }));
    expect(verdict).toBe('fail');
    expect(message).toMatch(/the server took TCP \d+/);
  });
});
