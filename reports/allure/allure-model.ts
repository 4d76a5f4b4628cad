/**
 * The Allure 2 result files this kit writes, typed after allure-js-commons' model.ts (TestResult, StepResult,
 * StatusDetails, Label, Link, Parameter, Attachment) and ExecutorInfo. Only the fields we fill are declared; `allure generate` reads each
 * `<uuid>-result.json`, plus environment.properties, executor.json and categories.json beside them.
 */
export const ALLURE_STATUSES = ['passed', 'failed', 'broken', 'skipped'] as const;
export type AllureStatus = (typeof ALLURE_STATUSES)[number];

export interface AllureLabel {
  readonly name: 'suite' | 'parentSuite' | 'subSuite' | 'feature' | 'tag' | 'severity' | 'host' | 'framework';
  readonly value: string;
}

export interface AllureParameter {
  readonly name: string;
  readonly value: string;
  /** Left out of the history id Allure computes, so a test's history survives a change of this value. */
  readonly excluded?: boolean;
}

export interface AllureStatusDetails {
  readonly message?: string;
  readonly trace?: string;
  /** A known problem: here, a failure the expected-failures baseline lists. */
  readonly known?: boolean;
}

/**
 * What a test and each of its steps have (the model's ExecutableItem). A step's times are optional, and left out
 * here: the runner does not time each command or exchange, and a made-up duration would mislead.
 */
export interface AllureStep {
  readonly name: string;
  readonly status: AllureStatus;
  readonly statusDetails: AllureStatusDetails;
  readonly stage: 'finished';
  readonly steps: readonly AllureStep[];
  readonly attachments: readonly AllureAttachment[];
  readonly parameters: readonly AllureParameter[];
}

export interface AllureTestResult extends AllureStep {
  readonly uuid: string;
  /** Stable across runs for the same check on the same column, so Allure's history and retries line up. */
  readonly historyId: string;
  readonly testCaseId: string;
  readonly fullName: string;
  readonly description?: string;
  readonly labels: readonly AllureLabel[];
  readonly links: readonly AllureLink[];
  /** Epoch milliseconds. */
  readonly start: number;
  readonly stop: number;
}

/** A link Allure shows with the test; `tms` links are shown as test-management ones (here, the requirement). */
export interface AllureLink {
  readonly name: string;
  readonly url: string;
  readonly type: 'link' | 'issue' | 'tms';
}

/** A file beside the result (`<uuid>-attachment.<ext>`), which Allure shows with the test. */
export interface AllureAttachment {
  readonly name: string;
  /** The file's name in allure-results/. */
  readonly source: string;
  readonly type: string;
}

export interface AllureExecutor {
  readonly name: string;
  readonly type: string;
  readonly buildName?: string;
  readonly buildOrder?: number;
  readonly reportName?: string;
  readonly url?: string;
  readonly buildUrl?: string;
  readonly reportUrl?: string;
}

/** categories.json: Allure's Categories tab; messageRegex is a Java regex matched against the whole message. */
export interface AllureCategory {
  readonly name: string;
  readonly matchedStatuses?: readonly AllureStatus[];
  readonly messageRegex?: string;
}
