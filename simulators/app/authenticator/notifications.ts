/**
 * Whether the app may raise a notification for a push request (seed 000 §2.4 asks the user to allow
 * notifications). iOS asks at first launch and shows nothing unless allowed; Android shows them unless the user
 * turned them off for the app. Either way the app still lists the request when it is opened and polls.
 */
import type { SimulatedDevice } from '../../device/simulated-device.js';

export function notificationsAllowed(device: SimulatedDevice): boolean {
  if (device.platform === 'ios') return device.permissions.isGranted('notifications');
  return device.permissions.answers.get('notifications') !== 'deny';
}
