// zod validation middleware (@hono/zod-validator) whose failures become 400 invalid_request errors.
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { ApiError } from './errors.js';

/** Validates a request part; the error names the first offending field. */
export function validate<T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
      throw new ApiError(400, 'invalid_request', `${where}${issue.message}`);
    }
  });
}
