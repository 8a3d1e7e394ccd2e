// qcloud.cam.initdata: Wafer's unauthenticated "drop the database and re-provision" call. Never supported.
import { GatewayError } from '../../dispatch/codes.js';
import { defineInterface } from '../../dispatch/interface.js';

export default defineInterface<Record<string, unknown>>({
  access: 'public',
  summary: 'Wafer dropped and re-created its database on this call, unauthenticated. Always answers 2006; register apps with `mina-auth app add` (or the admin interfaces).',
  // Any para: a legacy provisioning script must get 2006, not a schema error.
  schema: { type: 'object', required: [], additionalProperties: true },
  messages: [],
  returns: 'Never succeeds.',
  errors: [2006],
  async handle() {
    throw new GatewayError(2006, 'qcloud.cam.initdata is not supported: register apps with `mina-auth app add`');
  },
});
