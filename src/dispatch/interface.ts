// The shape of one interface: its schema, access class, docs, and handler. One file per interface in src/handlers/.
import type { JSONSchemaType } from 'ajv';
import type { AccessClass } from '../config.js';
import type { Deps } from '../deps.js';
import type { Caller } from '../services/keys.js';
import type { Code } from './codes.js';

export interface CallContext {
  requestId: string;
  /** The caller key's holder, on privileged and admin interfaces. */
  caller: Caller | null;
  ip: string;
  /** The app of this call: `para.appid`, else the one bound by the URL `/mina_auth/<appid>`, else null. */
  appid: string | null;
}

export interface Answer {
  message: string;
  data: unknown;
  /** A note on a success (e.g. a force refresh that was refused by its budget). */
  detail?: string;
}

export interface InterfaceDef<P = unknown> {
  access: AccessClass;
  summary: string;
  schema: JSONSchemaType<P>;
  /** Success `returnMessage`s. */
  messages: readonly string[];
  /** `returnData` on success, in words, for docs/interfaces.md. */
  returns: string;
  /** Return codes this interface answers besides the envelope's own (1002, 1003, 1009, 1010, 1011, 1000, 1001). */
  errors: readonly Code[];
  handle(deps: Deps, para: P, ctx: CallContext): Promise<Answer>;
  /** Privileged interfaces: the resource a scope must cover (an appid, or `corpid/agentid`). */
  resource?: (para: P) => string;
  /** Privileged and admin interfaces: an example `para` for the curl example in docs/interfaces.md. */
  example?: P;
}

/** An interface as the registry holds it: its para type erased once the schema has been checked against it. */
export type RegisteredInterface = Omit<InterfaceDef, 'schema' | 'handle'> & {
  schema: { properties?: Record<string, { type?: string; description?: string }>; required?: readonly string[] };
  handle(deps: Deps, para: Record<string, unknown>, ctx: CallContext): Promise<Answer>;
  resource?: (para: Record<string, unknown>) => string;
  example?: Record<string, unknown>;
};

/** Ties `handle`'s para type to the schema (JSONSchemaType), then erases it for the registry. */
export const defineInterface = <P>(def: InterfaceDef<P>): RegisteredInterface => def as unknown as RegisteredInterface;
