/**
 * Runs a `mobile:` execute method by name: an unknown name is refused with the nearest known one suggested, and
 * parameters that do not match the method's schema are refused with one line per problem, before anything runs.
 */
import Value from 'typebox/value';
import { matchesSchema } from '../../conformance/spec/compiled-schemas.js';
import { ClientError } from '../../conformance/spec/errors.js';
import { didYouMean } from '../../conformance/spec/nearest-name.js';
import type { ExecuteMethod } from './execute-method.js';
import { EXECUTE_METHOD_NAMES, EXECUTE_METHODS, type ExecuteMethodName } from './execute-methods.js';
import type { SimulatorSession } from './simulator-session.js';

export function isExecuteMethodName(name: string): name is ExecuteMethodName {
  return Object.hasOwn(EXECUTE_METHODS, name);
}

export async function runExecuteMethod(
  session: SimulatorSession,
  name: string,
  params: unknown = {},
): Promise<unknown> {
  if (!isExecuteMethodName(name)) {
    throw new ClientError(
      'execute-method-unknown',
      `Unknown execute method "${name}".${didYouMean(name, EXECUTE_METHOD_NAMES)} Known: ${EXECUTE_METHOD_NAMES.join(', ')}.`,
      { name },
    );
  }
  const definition: ExecuteMethod = EXECUTE_METHODS[name];
  const problems = paramProblems(definition, params ?? {});
  if (problems.length > 0) {
    throw new ClientError('execute-params-invalid', `${name}: ${problems.join('; ')}`, { name, problems });
  }
  return (await definition.run(session, params as never)) ?? null;
}

/** `level: must be <= 100 (got 101)`, `unknown key "levle". Did you mean "level"?`, `charging: is required`. */
export function paramProblems(definition: ExecuteMethod, params: unknown): string[] {
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    return [`the parameters must be one JSON object (got ${JSON.stringify(params)})`];
  }
  // Parameters that match have no problems: the compiled check says so without walking the schema for errors.
  if (matchesSchema(definition.params, params)) return [];
  const known = Object.keys((definition.params as { properties?: object }).properties ?? {});
  const problems: string[] = [];
  for (const error of Value.Errors(definition.params, params)) {
    const path = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const details = error.params as Record<string, unknown>;
    if (error.keyword === 'additionalProperties') {
      for (const key of details['additionalProperties'] as string[]) {
        problems.push(
          `unknown key "${key}".${didYouMean(key, known)}${known.length ? '' : ' This method takes no parameters.'}`,
        );
      }
    } else if (error.keyword === 'required') {
      for (const key of details['requiredProperties'] as string[]) problems.push(`${key}: is required`);
    } else if (!(error.keyword === 'boolean' && error.schemaPath.endsWith('/additionalProperties'))) {
      const got = path
        .split('.')
        .reduce<unknown>((v, k) => (k && v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : v), params);
      problems.push(`${path || '(parameters)'}: ${error.message} (got ${JSON.stringify(got)})`);
    }
  }
  return [...new Set(problems)];
}
