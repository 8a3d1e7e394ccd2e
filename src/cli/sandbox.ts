// mina-auth sandbox: the WeChat simulator alone.
import { parseArgs } from 'node:util';
import { startSandbox } from '../sandbox/index.js';
import { parseWhole } from './common.js';

export const help = `usage: mina-auth sandbox [--port PORT] [--host HOST] [--latency MS] [--key-rotation MS]
Runs the local WeChat simulator (api.weixin.qq.com and qyapi.weixin.qq.com paths, plus /__sandbox/*).
  --port PORT           default 9100; 0 picks a free port
  --host HOST           default 127.0.0.1
  --latency MS          delay added to every upstream answer (default 0)
  --key-rotation MS     minimum interval between a user's session_key rotations (default 60000)`;

export async function run(args: string[], out: (line: string) => void): Promise<void> {
  const { values } = parseArgs({ args, options: { port: { type: 'string' }, host: { type: 'string' }, latency: { type: 'string' }, 'key-rotation': { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) return out(help);
  const sandbox = await startSandbox({
    host: values.host, port: parseWhole('port', values.port, 0, 65535) ?? 9100,
    latencyMs: parseWhole('latency', values.latency, 0, 60000), keyRotationMs: parseWhole('key-rotation', values['key-rotation'], 0, 86400000),
  });
  out(`sandbox listening on ${sandbox.url}`);
  const stop = () => void sandbox.close();
  process.once('SIGINT', stop).once('SIGTERM', stop);
}
