/**
 * A finding's evidence as Allure steps, so the report reads as what happened: the shrunk commands of a model-based
 * check in order, and the HTTP exchanges of the failing attempt, each its own step with its bodies as parameters.
 * The step where the finding showed (the last command, or without commands the last exchange) takes the result's
 * status; the ones before it ran as they should. An exchange that got no answer is `broken`.
 */
import type { Exchange, Failure } from '../../conformance/runner/summary-schema.js';
import { exchangeHeadline } from '../exchange-text.js';
import type { AllureParameter, AllureStatus, AllureStep } from './allure-model.js';

export const COMMANDS_STEP = 'Commands (shrunk counterexample)';
export const EXCHANGES_STEP = 'HTTP exchanges of the failing attempt';

export function failureSteps(failure: Failure, status: AllureStatus): AllureStep[] {
  const commands = failure.commands ?? [];
  const exchanges = failure.exchanges ?? [];
  // A skipped result here is an expected failure: its steps still show where it failed.
  const finding: AllureStatus = status === 'skipped' ? 'failed' : status;
  const groups: AllureStep[] = [];
  if (commands.length > 0) {
    const steps = commands.map((command, i) => step(command, i === commands.length - 1 ? finding : 'passed'));
    groups.push(step(COMMANDS_STEP, finding, steps));
  }
  if (exchanges.length > 0) {
    const lastShowsIt = commands.length === 0;
    const steps = exchanges.map((exchange, i) =>
      exchangeStep(exchange, lastShowsIt && i === exchanges.length - 1 ? finding : undefined),
    );
    const earlier = failure.earlierExchanges ? ` (${failure.earlierExchanges} earlier not kept)` : '';
    groups.push(step(`${EXCHANGES_STEP}${earlier}`, lastShowsIt ? finding : worst(steps), steps));
  }
  return groups;
}

function exchangeStep(exchange: Exchange, finding: AllureStatus | undefined): AllureStep {
  const unanswered = exchange.status === undefined;
  const parameters: AllureParameter[] = [
    ['request body', exchange.requestBody],
    ['response body', exchange.responseBody],
    ['error', exchange.error],
  ]
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([name, value]) => ({ name, value }));
  const status = finding ?? (unanswered ? 'broken' : 'passed');
  return { ...step(exchangeHeadline(exchange), status), parameters };
}

function worst(steps: readonly AllureStep[]): AllureStatus {
  return steps.some((s) => s.status === 'broken') ? 'broken' : 'passed';
}

function step(name: string, status: AllureStatus, steps: readonly AllureStep[] = []): AllureStep {
  return { name, status, statusDetails: {}, stage: 'finished', steps, attachments: [], parameters: [] };
}
