// Caller addresses as WeChat names them, shared by the upstream side (whitelists, `from ip:`) and the
// control side (whitelist entries are normalized the same way, so either spelling matches).

/** An IPv4 caller on a dual-stack socket shows up as ::ffff:a.b.c.d; WeChat names it a.b.c.d. */
export function normalizeIp(address: string): string {
  return address.toLowerCase().startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
