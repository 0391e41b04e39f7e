import type { ViolationLog } from './violations.js';
import type { Contract, OperationName } from './spec.js';

/**
 * Checks an answer against the operation's response schema for that status. Returns the problem
 * (also recorded as a violation), or null when the body is what the spec promises.
 */
export function checkResponse(
  contract: Contract,
  violations: ViolationLog,
  operation: OperationName,
  status: number,
  body: unknown,
): string | null {
  const validate = contract.operation(operation).responses.get(status);
  const subject = `${operation} → ${status}`;
  if (!validate) {
    const detail = `status ${status} is not declared for ${operation}`;
    violations.record({ kind: 'response', subject, status, detail });
    return detail;
  }
  if (validate(body)) return null;
  const detail = contract.errorsText(validate);
  violations.record({ kind: 'response', subject, status, detail });
  return detail;
}
