// One Ajv instance; each registered schema compiled on its interface's first call, then kept. No coercion, no
// defaults, unknown keys refused.
import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import { registry } from './registry.js';

export const AJV_OPTIONS: Options = { allErrors: false, coerceTypes: false, useDefaults: false, removeAdditional: false, strict: true };

// The schemas are code, checked against the JSON Schema meta-schema by the test suite (test/docs.test.ts). At run
// time that check would only cost every cold start its ~20 ms (compiling the meta-schema), as would compiling all
// of them at load: an SCF instance often serves one interface.
const ajv = new Ajv({ ...AJV_OPTIONS, validateSchema: false });
const validators = new Map<string, ValidateFunction>();

/** Null-valued keys count as missing (as in Wafer's isset); returns the error `detail`, or null when `para` is valid. */
export function validatePara(name: string, para: Record<string, unknown>): string | null {
  let validate = validators.get(name);
  if (!validate) {
    validate = ajv.compile(registry[name]!.schema);
    validators.set(name, validate);
  }
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
