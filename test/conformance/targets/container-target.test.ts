/**
 * `--server-image`: without a container runtime (as on this machine) the launcher fails at once with its code and
 * exit 3, tested for real; with one, the reference server's image is started and validated (skipped here, saying why).
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { getContainerRuntimeClient, GenericContainer } from 'testcontainers';
import { afterAll, describe, expect, it } from 'vitest';
import { ClientError } from '../../../conformance/spec/errors.js';
import { launchServerImage } from '../../../conformance/targets/container-target.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { REPO_ROOT, runCli } from '../../helpers/cli-process.js';
import { tempDir } from '../../helpers/test-server.js';

const runtimeProblem = await getContainerRuntimeClient().then(
  () => undefined,
  (error: Error) => error.message,
);
const SKIP_REASON = `skipped: no container runtime (testcontainers: ${runtimeProblem})`;
if (runtimeProblem) console.warn(`container-target: ${SKIP_REASON}`);
const dir = tempDir('mbsc-container-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('without a container runtime', () => {
  it.skipIf(!runtimeProblem)('launchServerImage fails fast with container-runtime-unavailable', async () => {
    const launch = launchServerImage({ image: 'example.invalid/vendor-mbs:1.0', edition: 'pro' });
    await expect(launch).rejects.toBeInstanceOf(ClientError);
    const error = (await launch.catch((e: unknown) => e)) as ClientError;
    expect(error.code).toBe('container-runtime-unavailable');
    expect(error.message).toContain('example.invalid/vendor-mbs:1.0');
    expect(error.message).toContain('--server URL --udp-port N --edition E');
  });

  it.skipIf(!runtimeProblem)('mbsc validate --server-image: exit 3, the code on stderr, no check run', async () => {
    const out = path.join(dir, 'no-runtime');
    const args = ['validate', '--server-image', 'example.invalid/vendor-mbs:1.0', '--edition', 'pro', '--out', out];
    const result = await runCli([...args, '--profiles', 'redmi-note-8']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('container-runtime-unavailable: cannot start example.invalid/vendor-mbs:1.0');
    expect(result.stderr).not.toContain('Testing ');
    expect(existsSync(out)).toBe(false);
  });

  it('bad input is refused before any container is asked for', async () => {
    const result = await runCli(['run', '--server-image', 'vendor/mbs:1', '--out', path.join(dir, 'no-edition')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--server-image needs --edition');
    const both = await runCli([
      'validate',
      '--server-image',
      'v/m:1',
      '--server',
      'http://127.0.0.1:9',
      '--edition',
      'pro',
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--server and --server-image name two targets');
  });
});

describe('with a container runtime', () => {
  it.skipIf(!!runtimeProblem)(
    runtimeProblem
      ? `starts the reference server image and validates it (${SKIP_REASON})`
      : 'starts the reference server image and validates it',
    async () => {
      const image = 'mbsc-reference:test';
      await GenericContainer.fromDockerfile(REPO_ROOT, 'ci/container/Dockerfile').build(image, { deleteOnExit: true });
      const server = await launchServerImage({ image, edition: 'pro' });
      try {
        const info = await new MbsClient({ baseUrl: server.url }).call('getInfo');
        expect(info.edition).toBe('pro');
        expect(server.udpPort).toBeGreaterThanOrEqual(50200);
        expect(server.consoleKey).not.toBe('');
      } finally {
        await server.stop();
      }
      const out = path.join(dir, 'image');
      const checks = 'editions-pro-features,network-discovery-announces-actual-ports';
      const result = await runCli(
        [
          'validate',
          '--server-image',
          image,
          '--edition',
          'pro',
          '--checks',
          checks,
          '--profiles',
          'redmi-note-8',
          '--out',
          out,
        ],
        300_000,
      );
      expect(result.code, result.stderr).toBe(0);
    },
    600_000,
  );
});
