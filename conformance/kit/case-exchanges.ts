/**
 * A property whose cases each begin a new attempt on the cell's exchange log, and whose failing cases are kept: so
 * a failure carries the exchanges of the case fast-check reports, its last failing one (the shrunk counterexample),
 * not those of a passing shrink tried after it.
 */
import fc from 'fast-check';
import { currentExchangeLog } from '../../simulators/mbs-client/exchange-log.js';

export function withCaseExchanges<T>(property: fc.IRawProperty<T, true>): fc.IRawProperty<T, true> {
  return {
    isAsync: () => true,
    generate: (mrng, runId) => property.generate(mrng, runId),
    shrink: (value) => property.shrink(value),
    async run(value) {
      const log = currentExchangeLog();
      log?.startAttempt();
      const result = await property.run(value);
      if (result !== null && !fc.PreconditionFailure.isFailure(result)) log?.keepAttempt();
      return result;
    },
    runBeforeEach: () => property.runBeforeEach(),
    runAfterEach: () => property.runAfterEach(),
  };
}
