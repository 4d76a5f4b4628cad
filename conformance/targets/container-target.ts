/**
 * `--server-image IMAGE`: starts a vendor's server from a container image with testcontainers and tests it as a
 * server target. The image contract (ci/README.md): it runs the edition named by MBSC_EDITION, serves HTTP on
 * MBSC_TCP_PORT and discovery on MBSC_UDP_PORT, announces MBSC_ADVERTISE_HOST, and prints `Console key KEY` unless
 * given one in MBSC_CONSOLE_KEY. Host ports are bound to the same numbers as inside the container, chosen free in
 * the edition's ranges, so the ports a server announces in discovery and pairing are the ones the devices reach.
 * Without a container runtime it fails at once with `container-runtime-unavailable`, before any check.
 */
import { EDITIONS, type Edition } from '../spec/editions.js';
import { ClientError } from '../spec/errors.js';
import { bindUdp, findTcpPort } from '../../reference-server/net/ports.js';
import type * as Testcontainers from 'testcontainers';
import { ServerTarget } from './server-target.js';
import type { Target } from './target.js';

export interface ContainerServerOptions {
  readonly image: string;
  readonly edition: Edition;
  /** Given to the image as MBSC_CONSOLE_KEY; without it the key is read from the image's log. */
  readonly consoleKey?: string;
  readonly startupTimeoutMs?: number;
}

export interface LaunchedServer {
  readonly target: Target;
  readonly url: string;
  readonly udpPort: number;
  readonly consoleKey: string;
  stop(): Promise<void>;
}

/** The testcontainers module and a working runtime, or `container-runtime-unavailable` saying what is missing. */
export async function containerRuntime(image: string) {
  const unavailable = (why: string) =>
    new ClientError(
      'container-runtime-unavailable',
      `container-runtime-unavailable: cannot start ${image}: ${why}. Start a Docker (or Podman) engine and set DOCKER_HOST if it is not local, ` +
        'or test a server that is already running with --server URL --udp-port N --edition E.',
    );
  let tc: typeof Testcontainers;
  try {
    tc = await import('testcontainers');
  } catch (error) {
    throw unavailable(`the testcontainers package could not be loaded (${(error as Error).message})`);
  }
  try {
    return { tc, client: await tc.getContainerRuntimeClient() };
  } catch (error) {
    throw unavailable(`no container runtime was found (testcontainers: ${(error as Error).message})`);
  }
}

export async function launchServerImage(options: ContainerServerOptions): Promise<LaunchedServer> {
  const { tc, client } = await containerRuntime(options.image);
  const host = client.info.containerRuntime.host;
  const tcpPort = await findTcpPort('0.0.0.0', EDITIONS[options.edition].tcp);
  const udpSocket = await bindUdp('0.0.0.0', EDITIONS[options.edition].udp);
  const udpPort = udpSocket.address().port;
  await new Promise<void>((resolve) => udpSocket.close(() => resolve()));
  let loggedKey: string | undefined;
  const tail: string[] = [];
  const wait = tc.Wait.forHttp('/v1/info', tcpPort).forStatusCode(200);
  const container = new tc.GenericContainer(options.image)
    .withEnvironment({
      MBSC_EDITION: options.edition,
      MBSC_TCP_PORT: String(tcpPort),
      MBSC_UDP_PORT: String(udpPort),
      MBSC_ADVERTISE_HOST: host,
      ...(options.consoleKey ? { MBSC_CONSOLE_KEY: options.consoleKey } : {}),
    })
    .withExposedPorts({ container: tcpPort, host: tcpPort }, { container: udpPort, host: udpPort, protocol: 'udp' })
    .withLogConsumer((stream) =>
      stream.on('data', (chunk: Buffer | string) => {
        for (const line of String(chunk).split('\n').filter(Boolean)) {
          loggedKey ??= /Console key (\S+)/.exec(line)?.[1];
          tail.push(line);
          if (tail.length > 20) tail.shift();
        }
      }),
    )
    .withWaitStrategy(options.consoleKey ? wait : tc.Wait.forAll([wait, tc.Wait.forLogMessage(/Console key \S+/)]))
    .withStartupTimeout(options.startupTimeoutMs ?? 120_000);
  let started: Awaited<ReturnType<typeof container.start>>;
  try {
    started = await container.start();
  } catch (error) {
    const log = tail.length > 0 ? `\nLast lines of its log:\n  ${tail.join('\n  ')}` : '';
    throw new ClientError(
      'container-start-failed',
      `${options.image} did not start a server answering GET /v1/info on port ${tcpPort}` +
        `${options.consoleKey ? '' : ' and printing "Console key KEY"'}: ${(error as Error).message}${log}`,
    );
  }
  const consoleKey = options.consoleKey ?? (loggedKey as string);
  const url = `http://${host}:${tcpPort}`;
  // The nemesis crashes the container itself: killed at once (no grace period) and started again on its data.
  const restartable = {
    url,
    consoleKey,
    restart: async () => void (await started.restart({ timeout: 0 })),
    diskLack: "a container's disk is not filled by the kit",
    async close() {},
  };
  const server = new ServerTarget({
    url,
    udpPort,
    edition: options.edition,
    consoleKey,
    restart: () => Promise.resolve(restartable),
  });
  // Named by its image, not its ports, which differ from start to start: shards of one image then merge.
  const target: Target = {
    describe: () => ({
      kind: 'server',
      editions: [options.edition],
      description: `the server image ${options.image} (${options.edition}), started in a container`,
    }),
    open: (edition) => server.open(edition),
  };
  return {
    target,
    url,
    udpPort,
    consoleKey,
    async stop() {
      await started.stop();
    },
  };
}
