/**
 * Runs a use case as one transaction. A use case that must refuse after
 * recording the refusal in the audit trail returns `refuse(error)`: the
 * transaction commits (keeping the audit event) and the error is thrown after.
 */
import type { Db, Tx } from '../db/client.ts';
import type { AppError } from '../domain/errors.ts';

const REFUSAL = Symbol('refusal');
export type Refusal = { [REFUSAL]: true; error: AppError };

export function refuse(error: AppError): Refusal {
  return { [REFUSAL]: true, error };
}

function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && REFUSAL in value;
}

export async function runUseCase<T>(db: Db, work: (tx: Tx) => Promise<T | Refusal>): Promise<T> {
  const result = await db.transaction(work);
  if (isRefusal(result)) throw result.error;
  return result;
}
