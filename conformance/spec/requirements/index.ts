/**
 * The requirement catalogue: every testable statement of the seed documents (MUST) plus the best practice we add
 * (ADVISORY), grouped by area in AREAS order. Suites and reports look requirements up here by id.
 */
import { BAK_REQUIREMENTS } from './bak.js';
import { DESK_REQUIREMENTS } from './desk.js';
import { EDN_REQUIREMENTS } from './edn.js';
import { ESEC_REQUIREMENTS } from './esec.js';
import { FTYPE_REQUIREMENTS } from './ftype.js';
import { FUS_REQUIREMENTS } from './fus.js';
import { LIM_REQUIREMENTS } from './lim.js';
import { LOG_REQUIREMENTS } from './log.js';
import { LOGIN_REQUIREMENTS } from './login.js';
import { MIG_REQUIREMENTS } from './mig.js';
import { NET_REQUIREMENTS } from './net.js';
import { PAIR_REQUIREMENTS } from './pair.js';
import { PLAT_REQUIREMENTS } from './plat.js';
import { PUSH_REQUIREMENTS } from './push.js';
import { PWL_REQUIREMENTS } from './pwl.js';
import { REC_REQUIREMENTS } from './rec.js';
import { RFE_REQUIREMENTS } from './rfe.js';
import { RST_REQUIREMENTS } from './rst.js';
import { RUN_REQUIREMENTS } from './run.js';
import { SET_REQUIREMENTS } from './set.js';
import { SRC_REQUIREMENTS } from './src.js';
import { STO_REQUIREMENTS } from './sto.js';
import { TFA_REQUIREMENTS } from './tfa.js';
import { TOTP_REQUIREMENTS } from './totp.js';
import { AREAS, type Area, type Requirement } from './types.js';

export { AREAS, APPLIES_TO, LEVELS } from './types.js';
export type { Area, AppliesTo, Level, Requirement, SeedSource } from './types.js';
export { SEED_SECTIONS } from './seed-sections.js';
export type { SeedFile, SeedSection } from './seed-sections.js';

/** Each area's requirements; the mapped type makes the compiler insist on every area of AREAS. */
const BY_AREA: { readonly [A in Area]: readonly Requirement[] } = {
  PLAT: PLAT_REQUIREMENTS,
  EDN: EDN_REQUIREMENTS,
  NET: NET_REQUIREMENTS,
  PAIR: PAIR_REQUIREMENTS,
  MIG: MIG_REQUIREMENTS,
  SRC: SRC_REQUIREMENTS,
  FTYPE: FTYPE_REQUIREMENTS,
  LIM: LIM_REQUIREMENTS,
  BAK: BAK_REQUIREMENTS,
  RUN: RUN_REQUIREMENTS,
  FUS: FUS_REQUIREMENTS,
  RST: RST_REQUIREMENTS,
  RFE: RFE_REQUIREMENTS,
  STO: STO_REQUIREMENTS,
  SET: SET_REQUIREMENTS,
  LOG: LOG_REQUIREMENTS,
  TFA: TFA_REQUIREMENTS,
  TOTP: TOTP_REQUIREMENTS,
  PUSH: PUSH_REQUIREMENTS,
  LOGIN: LOGIN_REQUIREMENTS,
  REC: REC_REQUIREMENTS,
  PWL: PWL_REQUIREMENTS,
  ESEC: ESEC_REQUIREMENTS,
  DESK: DESK_REQUIREMENTS,
};

/** Every requirement, areas in AREAS order, ids in order within each area. */
export const REQUIREMENTS: readonly Requirement[] = Object.freeze(
  (Object.keys(AREAS) as Area[]).flatMap((area) => BY_AREA[area]),
);

const BY_ID: ReadonlyMap<string, Requirement> = new Map(REQUIREMENTS.map((r) => [r.id, r]));

/** The requirement with this id (`RUN-03`), or undefined. */
export function requirementById(id: string): Requirement | undefined {
  return BY_ID.get(id);
}

/** The requirements of one area, in id order. */
export function requirementsInArea(area: Area): readonly Requirement[] {
  return BY_AREA[area];
}
