/** Every check of the kit, in the order a run runs them. */
import type { Check } from '../framework/check.js';
import { runConditionsCheck } from './run-conditions.js';

export const ALL_CHECKS: readonly Check[] = [runConditionsCheck];
