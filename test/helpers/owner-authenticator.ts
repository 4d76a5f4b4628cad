/**
 * An authenticator a server's owner registered with their own app: named as they chose, without the kit's mark
 * (conformance/kit/kit-names.ts), so no run of the kit takes it for its own.
 */
import { decodeRegistrationPayload } from '../../conformance/spec/protocol/two-factor-payload.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';

let installs = 0;

export async function registerOwners(desk: MbsClient, url: string, name: string): Promise<{ id: string }> {
  const registration = await desk.call('createRegistration', { body: {} });
  const registered = await new MbsClient({ baseUrl: url }).call('registerAuthenticator', {
    body: {
      registrationToken: decodeRegistrationPayload(registration.payload).token,
      name,
      platform: 'android',
      installId: `install-owner-${++installs}`,
    },
  });
  return { id: registered.authenticatorId };
}
