/**
 * FHIR R4 OperationOutcome: how the REST API at /fhir/R4 answers an error (issue 15). The issue's `details` carry
 * Footing's own error code (the one the JSON API's `error.code` carries: not_signed_in, forbidden, not_found, ...),
 * so a client and the authorization tests can tell the kinds of refusal apart; `expression` names the search
 * parameter at fault. Pure.
 */
export const FOOTING_ERROR_SYSTEM = 'https://footing.example/fhir/CodeSystem/error';

/** R4 issue-type codes (http://hl7.org/fhir/issue-type) Footing uses. */
export type IssueType =
  | 'invalid'
  | 'not-supported'
  | 'not-found'
  | 'login'
  | 'forbidden'
  | 'security'
  | 'processing'
  | 'exception'
  | 'throttled'
  | 'too-costly';

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  issue: {
    severity: 'error' | 'fatal';
    code: IssueType;
    details: { coding: { system: string; code: string }[]; text: string };
    expression?: string[];
  }[];
}

export function operationOutcome(o: {
  code: IssueType;
  footingCode: string;
  text: string;
  parameter?: string;
  fatal?: boolean;
}): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: o.fatal ? 'fatal' : 'error',
        code: o.code,
        details: { coding: [{ system: FOOTING_ERROR_SYSTEM, code: o.footingCode }], text: o.text },
        ...(o.parameter ? { expression: [o.parameter] } : {}),
      },
    ],
  };
}

/** The issue type that fits an HTTP status of an error. */
export function issueTypeOf(status: number): IssueType {
  if (status === 401) return 'login';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 413) return 'too-costly';
  if (status === 429) return 'throttled';
  return status >= 500 ? 'exception' : 'invalid';
}
