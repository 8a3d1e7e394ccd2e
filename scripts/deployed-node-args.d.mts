// Types of deployed-node-args.mjs, for the tests that run the bundles under the deployed options.
export function serveNodeArgs(): string[];
export function eventFunctionNodeArgs(): string[];
