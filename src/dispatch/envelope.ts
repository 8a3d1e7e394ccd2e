// The response envelope, keys in the order of PROTOCOL §2.
import { CODES, type Code } from './codes.js';

export interface Envelope {
  returnCode: Code;
  returnMessage: string;
  returnData: unknown;
  version: 1;
  componentName: 'MA';
  requestId: string;
  detail?: string;
}

export const success = (message: string, data: unknown, requestId: string): Envelope =>
  ({ returnCode: 0, returnMessage: message, returnData: data, version: 1, componentName: 'MA', requestId });

export const failure = (code: Exclude<Code, 0>, detail: string, requestId: string): Envelope =>
  ({ returnCode: code, returnMessage: CODES[code].message, returnData: '', version: 1, componentName: 'MA', requestId, detail });
