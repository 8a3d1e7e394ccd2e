// node:http front door: `mina-auth serve`, `mina-auth dev` and the SCF Web function.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BlockList } from 'node:net';
import { addressMatcher } from '../config.js';
import type { Deps } from '../deps.js';
import { handleHttp, MAX_BODY } from './handle.js';

/** Who the client is, per front door (PROTOCOL §1). */
export type ClientIp = (req: IncomingMessage) => string;

const plain = (ip: string | undefined) => (ip ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
/** The addresses of X-Forwarded-For, nearest hop last. */
const forwardedHops = (req: IncomingMessage) => String(req.headers['x-forwarded-for'] ?? '').split(',').map((h) => plain(h.trim())).filter(Boolean);

/** `serve`: the socket address, or the first untrusted hop of X-Forwarded-For when the socket is a trusted proxy. */
export const socketOrTrustedProxy = (trusted: BlockList): ClientIp => {
  const isTrusted = addressMatcher(trusted);
  return (req) => {
    let ip = plain(req.socket.remoteAddress);
    if (!isTrusted(ip)) return ip;
    const hops = forwardedHops(req);
    while (ip && isTrusted(ip) && hops.length) ip = hops.pop()!;
    return ip;
  };
};

/** The Web function: the platform is the only way in, so its forwarded header is the client. */
export const platformForwarded: ClientIp = (req) =>
  plain(String(req.headers['x-scf-remote-addr'] ?? '')) || forwardedHops(req).at(-1) || plain(req.socket.remoteAddress);

interface Ready { req: IncomingMessage; res: ServerResponse; body: Buffer; tooLarge: boolean }

export function createGatewayServer(deps: Deps, clientIp: ClientIp): Server {
  // The requests whose bodies completed in this turn's poll phase, answered together in its check phase: one
  // callback, after which the lookups they asked for go out together (src/store/lookup.ts).
  let ready: Ready[] = [];
  const answerReady = () => {
    const these = ready;
    ready = [];
    for (const r of these) answer(deps, clientIp, r.req, r.res, r.body, r.tooLarge);
  };
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is drained, never buffered.
      if (size > MAX_BODY) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    // Answered in the turn's check phase, after the poll phase has read and parsed every socket that was ready:
    // the requests of one turn are parsed back to back, then handled and answered back to back in one callback,
    // each kind of work warm in the CPU caches (bench/README.md, "Changes measured").
    req.on('end', () => {
      if (ready.push({ req, res, body: Buffer.concat(chunks), tooLarge }) === 1) setImmediate(answerReady);
    });
  });
}

function answer(deps: Deps, clientIp: ClientIp, req: IncomingMessage, res: ServerResponse, body: Buffer, tooLarge: boolean): void {
  handleHttp(deps, {
    method: req.method ?? 'GET', path: req.url ?? '/', body, tooLarge,
    ip: clientIp(req), requestId: String(req.headers['x-scf-request-id'] ?? '') || undefined, headers: req.headers,
  }).then((out) => {
    res.writeHead(out.status, out.headers).end(out.body);
  }, (err: unknown) => {
    deps.log.error('bug', { stack: err instanceof Error ? err.stack : String(err) });
    res.writeHead(500).end();
  });
}

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}
