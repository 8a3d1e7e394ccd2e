// Each interface's para checked by ajv's standalone validator, generated from its schema by `npm run docs`
// (src/dispatch/validators.generated.ts): no schema is compiled at run time. No coercion, no defaults, unknown keys
// refused (scripts/docs.ts, AJV_OPTIONS).
import type { ErrorObject } from 'ajv';
import { validators } from './validators.generated.js';

/** Null-valued keys count as missing (as in Wafer's isset); returns the error `detail`, or null when `para` is valid. */
export function validatePara(name: string, para: Record<string, unknown>): string | null {
  const validate = validators[name]!;
  return validate(para) ? null : describe(validate.errors?.[0]);
}

function describe(e: ErrorObject | undefined): string {
  if (!e) return 'para is invalid';
  const field = 'para' + e.instancePath.replace(/\//g, '.');
  switch (e.keyword) {
    case 'required': return `${field}.${(e.params as { missingProperty: string }).missingProperty} is required`;
    case 'additionalProperties': return `${field} has an unknown key "${(e.params as { additionalProperty: string }).additionalProperty}"`;
    case 'type': {
      const type = (e.params as { type: string }).type;
      return `${field} must be ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
    }
    case 'pattern': return `${field} has an invalid format`;
    case 'minLength': return `${field} must not be shorter than ${(e.params as { limit: number }).limit} characters`;
    case 'maxLength': return `${field} must not be longer than ${(e.params as { limit: number }).limit} characters`;
    case 'enum': return `${field} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    default: return `${field} ${e.message ?? 'is invalid'}`;
  }
}
