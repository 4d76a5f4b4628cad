/**
 * The schema of a device matrix file (devices/matrix.default.json): which device profiles a conformance run uses,
 * each against which editions of the desktop program. Whether each id names a profile is checked by the loader.
 */
import Type, { type Static } from 'typebox';
import { EDITION_NAMES } from '../conformance/spec/editions.js';
import { ProfileId } from './profile-schema.js';

export const DeviceMatrix = Type.Object(
  {
    profiles: Type.Array(ProfileId, {
      minItems: 1,
      uniqueItems: true,
      description: 'Ids of profiles in the profiles folder, each at most once.',
    }),
    editions: Type.Array(Type.Enum(EDITION_NAMES), {
      minItems: 1,
      uniqueItems: true,
      description: 'Editions to run every profile against.',
    }),
    notes: Type.Optional(Type.String({ maxLength: 1000, description: 'What the matrix is for.' })),
  },
  { additionalProperties: false },
);
export type DeviceMatrix = Static<typeof DeviceMatrix>;
