// The curl walk-through that `mina-auth dev` prints; a test pastes it into bash, so it must work as printed.
export function walkthrough(o: { gateway: string; sandbox: string; appid: string; admin_key: string; data: string }): string {
  const call = (name: string, para: string) =>
    `curl -s -X POST "$GW" -H 'content-type: application/json' -d '{"interface":{"interfaceName":"${name}","para":${para}}}'`;
  return `mina-auth dev is running (Ctrl-C stops it)
  gateway   ${o.gateway}
  sandbox   ${o.sandbox}   (a local WeChat simulator)
  demo app  ${o.appid}
  admin key ${o.admin_key}   (local demo only; real keys are shown once: mina-auth key create)
  store     ${o.data}/mina-auth.db

Paste this into another terminal to log a simulated user in and out:

# --- mina-auth walk-through ---
GW=${o.gateway}; SB=${o.sandbox}; APPID=${o.appid}; KEY=${o.admin_key}
j() { node -pe "JSON.parse(require('fs').readFileSync(0, 'utf8'))$1"; }
# 1. wx.login, simulated: the sandbox mints a login code for a test user
CODE=$(curl -s -X POST "$SB/__sandbox/login" -H 'content-type: application/json' -d '{"appid":"'$APPID'"}' | j .code)
# 2. qcloud.cam.id_skey: code -> session id + skey
LOGIN=$(${call('qcloud.cam.id_skey', `{"code":"'$CODE'"}`)}); echo "$LOGIN"
ID=$(echo "$LOGIN" | j .returnData.id); SKEY=$(echo "$LOGIN" | j .returnData.skey); OPENID=$(echo "$LOGIN" | j .returnData.openid)
# 3. qcloud.cam.auth: check the session (what a business server does on every request)
${call('qcloud.cam.auth', `{"id":"'$ID'","skey":"'$SKEY'"}`)}; echo
# 4. qcloud.cam.decrypt: the sandbox encrypts WeRun data under the user's session_key, as wx.getWeRunData would
ENC=$(curl -s -X POST "$SB/__sandbox/encrypt" -H 'content-type: application/json' -d '{"appid":"'$APPID'","openid":"'$OPENID'","data":{"stepInfoList":[{"timestamp":1700000000,"step":8000}]}}')
${call('qcloud.cam.decrypt', `{"id":"'$ID'","skey":"'$SKEY'","encrypt_data":"'$(echo "$ENC" | j .encrypt_data)'","iv":"'$(echo "$ENC" | j .iv)'"}`)}; echo
# 5. qcloud.cam.logout, then the same check fails with 60012 AUTH_FAIL
${call('qcloud.cam.logout', `{"id":"'$ID'","skey":"'$SKEY'"}`)}; echo
${call('qcloud.cam.auth', `{"id":"'$ID'","skey":"'$SKEY'"}`)}; echo
# 6. qcloud.mimi.access_token: the app's shared access token, for internal services holding a caller key
${call('qcloud.mimi.access_token', `{"appid":"'$APPID'"}`).replace('curl -s -X POST "$GW"', 'curl -s -X POST "$GW" -H "Authorization: Bearer $KEY"')}; echo
# --- end ---`;
}
