/** Where a check through the screens applies: over WebDriver only, and where its own needs are met too. */
import type { Applicability, Column } from '../framework/check.js';
import type { TargetSession } from '../targets/target.js';
import { overWebDriverOnly } from './ui-support.js';

type Applies = (column: Column, session: TargetSession) => Applicability;

/** `inProcess` names the checks that cover the same rules on the app model; `needs` adds platform or edition. */
export function viaScreensWhere(inProcess: string, needs: Applies): Applies {
  return (column, session) => {
    const viaScreens = overWebDriverOnly(inProcess)(column, session);
    return viaScreens.applies ? needs(column, session) : viaScreens;
  };
}
