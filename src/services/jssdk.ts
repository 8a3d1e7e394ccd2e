// The JS-SDK page signature (wx.config / wx.agentConfig), the same for Official Accounts and WeCom.
import { createHash, randomBytes } from 'node:crypto';

/** sha1 of `jsapi_ticket=…&noncestr=…&timestamp=…&url=…`, raw values, the url without its `#…` fragment. */
export function jssdkSignature(ticket: string, nonceStr: string, timestamp: number, url: string): string {
  const page = url.split('#')[0];
  return createHash('sha1').update(`jsapi_ticket=${ticket}&noncestr=${nonceStr}&timestamp=${timestamp}&url=${page}`).digest('hex');
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Signs a page for now: the page must pass the same nonceStr and timestamp to wx.config. */
export function signPage(ticket: string, url: string, now: number): { timestamp: number; nonceStr: string; signature: string } {
  const nonceStr = Array.from(randomBytes(16), (b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('');
  return { timestamp: now, nonceStr, signature: jssdkSignature(ticket, nonceStr, now, url) };
}
