// The HTTP floor: a bare node:http server that reads the body (as the gateway does) and answers a fixed JSON
// envelope of about the size of an auth answer. Prints "listening <port>". Started and stopped by bench/run.mjs.
// `node http-floor.mjs <µs>`: the same server, busy for that long before each answer (pure CPU, no allocation):
// what a fixed cost per answer does to the ratio on this machine.
import { createServer } from 'node:http';

const workMs = Number(process.argv[2] ?? 0) / 1000;

const body = JSON.stringify({
  returnCode: 0, returnMessage: 'AUTH_SUCCESS',
  returnData: { id: 'f'.repeat(32), appid: 'wx0123456789abcdef', openid: 'o' + 'x'.repeat(27), unionid: null, user_info: null, expires_at: 1790000000 },
  version: 1, componentName: 'MA', requestId: '00000000-0000-4000-8000-000000000000',
});
const headers = { 'content-type': 'application/json; charset=utf-8' };

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    Buffer.concat(chunks);
    if (workMs) for (const until = performance.now() + workMs; performance.now() < until;);
    res.writeHead(200, headers).end(body);
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${server.address().port}\n`));
process.once('SIGTERM', () => { server.close(); server.closeAllConnections(); });
