/**
 * How a faulty variant (faults.ts) bends a component without a switch inside its rules: the component keeps its
 * rules as an object of plain functions, written straight; a variant is an override that, for each rule it bends,
 * takes the rule it replaces and gives back the bent one. The component is assembled once, at start, from the
 * variants it was given, so a normal run never meets an override at all.
 */

/** One variant's change to a set of rules `R`: for each rule it bends, a function from that rule to its bent form. */
export type RuleOverride<R> = { readonly [K in keyof R]?: (rule: R[K]) => R[K] };

/**
 * The straight rules with each override applied in turn. Each override receives the rule as the ones before it
 * left it, so two variants that bend the same rule both take effect.
 */
export function withOverrides<R extends object>(straight: R, overrides: readonly RuleOverride<R>[]): R {
  const rules = { ...straight };
  for (const override of overrides) {
    for (const key of Object.keys(override) as (keyof R)[]) bend(rules, override, key);
  }
  return rules;
}

function bend<R, K extends keyof R>(rules: R, override: RuleOverride<R>, key: K): void {
  const change = override[key];
  if (change) rules[key] = change(rules[key]);
}
