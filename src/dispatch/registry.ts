// The registry: a plain object from interfaceName to its definition. docs/interfaces.md is generated from it.
import auth from '../handlers/cam/auth.js';
import decrypt from '../handlers/cam/decrypt.js';
import idSkey from '../handlers/cam/id_skey.js';
import initdata from '../handlers/cam/initdata.js';
import logout from '../handlers/cam/logout.js';
import phone from '../handlers/cam/phone.js';
import userinfo from '../handlers/cam/userinfo.js';
import mimiAccessToken from '../handlers/mimi/access_token.js';
import mimiJsapiTicket from '../handlers/mimi/jsapi_ticket.js';
import mimiJssdkSignature from '../handlers/mimi/jssdk_signature.js';
import workAccessToken from '../handlers/work/access_token.js';
import workAgentTicket from '../handlers/work/agent.ticket.js';
import workJssdkSignature from '../handlers/work/jssdk_signature.js';
import workTicket from '../handlers/work/ticket.js';
import keyCreate from '../handlers/admin/key.create.js';
import keyList from '../handlers/admin/key.list.js';
import keyRevoke from '../handlers/admin/key.revoke.js';
import appPut from '../handlers/admin/app.put.js';
import appGet from '../handlers/admin/app.get.js';
import appList from '../handlers/admin/app.list.js';
import appDelete from '../handlers/admin/app.delete.js';
import agentList from '../handlers/admin/agent.list.js';
import agentDelete from '../handlers/admin/agent.delete.js';
import sessionRevoke from '../handlers/admin/session.revoke.js';
import initagent from '../handlers/work/initagent.js';
import cosSign from '../handlers/cos/sign.js';
import cosAuthReusable from '../handlers/cos/auth.reusable.js';
import cosAuthNonreusable from '../handlers/cos/auth.nonreusable.js';
import type { RegisteredInterface } from './interface.js';

export const registry: Readonly<Record<string, RegisteredInterface>> = {
  'qcloud.cam.id_skey': idSkey,
  'qcloud.cam.auth': auth,
  'qcloud.cam.userinfo': userinfo,
  'qcloud.cam.decrypt': decrypt,
  'qcloud.cam.phone': phone,
  'qcloud.cam.logout': logout,
  'qcloud.cam.initdata': initdata,
  'qcloud.mimi.access_token': mimiAccessToken,
  'qcloud.mimi.jsapi_ticket': mimiJsapiTicket,
  'qcloud.mimi.jssdk_signature': mimiJssdkSignature,
  'qcloud.work.access_token': workAccessToken,
  'qcloud.work.ticket': workTicket,
  'qcloud.work.agent.ticket': workAgentTicket,
  'qcloud.work.jssdk_signature': workJssdkSignature,
  'mina.admin.key.create': keyCreate,
  'mina.admin.key.list': keyList,
  'mina.admin.key.revoke': keyRevoke,
  'mina.admin.app.put': appPut,
  'mina.admin.app.get': appGet,
  'mina.admin.app.list': appList,
  'mina.admin.app.delete': appDelete,
  'qcloud.work.initagent': initagent,
  'mina.admin.agent.list': agentList,
  'mina.admin.agent.delete': agentDelete,
  'mina.admin.session.revoke': sessionRevoke,
  'qcloud.cos.sign': cosSign,
  'qcloud.cos.auth.reusable': cosAuthReusable,
  'qcloud.cos.auth.nonreusable': cosAuthNonreusable,
};
