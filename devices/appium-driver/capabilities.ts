/**
 * The session capabilities the driver takes, declared once: Appium validates types against the constraints, and the
 * driver refuses any capability not listed here or in Appium's base set (with the nearest name suggested), since a
 * misspelt `appium:deviceProfle` silently ignored would run the wrong device. The device comes from a profile
 * (`appium:deviceProfile`), inline options (`appium:device`: a whole profile, or fields over the named profile),
 * and must be of the session's platformName.
 */
import type { Constraints } from '@appium/types';
import { ClientError } from '../../conformance/spec/errors.js';
import { isServerFault, parseFaults, type AppFault } from '../../conformance/spec/faults.js';
import { didYouMean } from '../../conformance/spec/nearest-name.js';
import type { DeviceSpec } from '../../simulators/device/device-spec.js';
import type { SessionInit } from '../../simulators/session/simulator-session.js';
import { loadProfile } from '../load-profiles.js';
import { DeviceProfile, profileRuleProblems } from '../profile-schema.js';
import { formatProblems, schemaProblems } from '../../conformance/spec/schema-problems.js';

export const AUTOMATION_NAME = 'MbsSimulator';

export const CAPABILITY_CONSTRAINTS = {
  deviceProfile: { isString: true },
  device: { isObject: true },
  serverUrl: { presence: true, isString: true },
  clockStartMs: { isNumber: true },
  chunkBytes: { isNumber: true },
  /** Faulty variants of the app model (the kit's self-test, conformance/spec/faults.ts); none by default. */
  faults: { isArray: true },
} as const satisfies Constraints;

/** Appium's own capabilities that make sense for a simulated device; anything else is refused. */
const BASE_CAPABILITIES = [
  'platformName',
  'automationName',
  'platformVersion',
  'deviceName',
  'udid',
  'newCommandTimeout',
  'noReset',
  'fullReset',
  'language',
  'locale',
  'eventTimings',
  'printPageSourceOnFindFailure',
] as const;

export const KNOWN_CAPABILITIES: readonly string[] = [...BASE_CAPABILITIES, ...Object.keys(CAPABILITY_CONSTRAINTS)];

export interface SessionCapabilities {
  readonly platformName?: string;
  readonly platformVersion?: string;
  readonly deviceProfile?: string;
  readonly device?: Record<string, unknown>;
  readonly serverUrl?: string;
  readonly clockStartMs?: number;
  readonly chunkBytes?: number;
  readonly faults?: readonly unknown[];
  readonly [name: string]: unknown;
}

/** The session model's init from processed capabilities (names without the `appium:` prefix). */
export function sessionInitFromCapabilities(caps: SessionCapabilities): SessionInit {
  for (const name of Object.keys(caps)) {
    if (!KNOWN_CAPABILITIES.includes(name)) {
      throw new ClientError(
        'capability-invalid',
        `The capability "appium:${name}" is not one the ${AUTOMATION_NAME} driver takes.${prefixed(didYouMean(name, KNOWN_CAPABILITIES))}`,
        { name },
      );
    }
  }
  const serverUrl = String(caps.serverUrl ?? '');
  if (!/^https?:\/\/[^/]+/.test(serverUrl)) {
    throw new ClientError(
      'capability-invalid',
      `appium:serverUrl must be an http(s) URL of the MBS, not "${serverUrl}".`,
    );
  }
  const spec = deviceSpec(caps);
  const platform = String(caps.platformName ?? '').toLowerCase();
  if (platform !== spec.platform) {
    throw new ClientError(
      'capability-invalid',
      `The device "${spec.id}" is ${spec.platform === 'ios' ? 'an iOS' : 'an Android'} device, but platformName is "${caps.platformName}".`,
    );
  }
  if (caps.platformVersion !== undefined && caps.platformVersion !== spec.osVersion) {
    throw new ClientError(
      'capability-invalid',
      `platformVersion "${caps.platformVersion}" differs from the device's OS version ${spec.osVersion}.`,
    );
  }
  const faults = appFaults(caps.faults);
  const app = {
    ...(caps.chunkBytes !== undefined ? { chunkBytes: caps.chunkBytes } : {}),
    ...(faults.length > 0 ? { faults } : {}),
  };
  return {
    spec,
    serverUrl,
    ...(caps.clockStartMs !== undefined ? { startMs: caps.clockStartMs } : {}),
    ...(Object.keys(app).length > 0 ? { app } : {}),
  };
}

/** `appium:faults`: names of app variants from the fault catalogue; a server variant has no place on a phone. */
function appFaults(value: readonly unknown[] | undefined): AppFault[] {
  if (value === undefined) return [];
  const names = parseFaults(value.map(String));
  const serverSide = names.filter(isServerFault);
  if (serverSide.length > 0) {
    throw new ClientError(
      'capability-invalid',
      `appium:faults takes variants of the app; ${serverSide.join(', ')} is a variant of the server.`,
    );
  }
  return names.filter((n): n is AppFault => !isServerFault(n));
}

/** Capabilities outside the W3C standard set travel with the `appium:` prefix, so suggestions carry it too. */
const prefixed = (hint: string): string => hint.replace(/"(?!platformName)([^"]+)"/, '"appium:$1"');

/** A profile by id, inline options over it, or a whole inline profile, checked as a profile file is. */
function deviceSpec(caps: SessionCapabilities): DeviceSpec {
  if (caps.deviceProfile === undefined && caps.device === undefined) {
    throw new ClientError('capability-invalid', 'Name a device: appium:deviceProfile (a profile id) or appium:device.');
  }
  const base = caps.deviceProfile !== undefined ? { ...loadProfile(caps.deviceProfile) } : {};
  if (caps.device === undefined) return base as DeviceSpec;
  const merged: Record<string, unknown> = { ...base, ...caps.device };
  let problems = schemaProblems(DeviceProfile, merged);
  if (problems.length === 0) problems = profileRuleProblems(merged as DeviceProfile);
  if (problems.length > 0) {
    throw new ClientError('profile-invalid', `appium:device is not a valid device:${formatProblems(problems)}`, {
      problems,
    });
  }
  return merged as unknown as DeviceSpec;
}
