// The registry: a plain object from interfaceName to its definition. docs/interfaces.md is generated from it.
import auth from '../handlers/cam/auth.js';
import decrypt from '../handlers/cam/decrypt.js';
import idSkey from '../handlers/cam/id_skey.js';
import initdata from '../handlers/cam/initdata.js';
import logout from '../handlers/cam/logout.js';
import userinfo from '../handlers/cam/userinfo.js';
import keyCreate from '../handlers/admin/key.create.js';
import keyList from '../handlers/admin/key.list.js';
import keyRevoke from '../handlers/admin/key.revoke.js';
import type { RegisteredInterface } from './interface.js';

export const registry: Readonly<Record<string, RegisteredInterface>> = {
  'qcloud.cam.id_skey': idSkey,
  'qcloud.cam.auth': auth,
  'qcloud.cam.userinfo': userinfo,
  'qcloud.cam.decrypt': decrypt,
  'qcloud.cam.logout': logout,
  'qcloud.cam.initdata': initdata,
  'mina.admin.key.create': keyCreate,
  'mina.admin.key.list': keyList,
  'mina.admin.key.revoke': keyRevoke,
};
