// Generated from the para schemas of src/dispatch/registry.ts by `npm run docs` (scripts/docs.ts): ajv's standalone
// validators. Do not edit: a test fails when this file and the schemas drift.
// @ts-nocheck
import type { ValidateFunction } from 'ajv';

const v0 = validate10;
const schema11 = { "type": "object", "properties": { "appid": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$", "description": "The app; optional where the URL binds one.", "nullable": true }, "code": { "type": "string", "minLength": 1, "maxLength": 512, "description": "A `wx.login` code." }, "encrypt_data": { "type": "string", "minLength": 1, "maxLength": 49152, "pattern": "^[A-Za-z0-9+/]+={0,2}$", "description": "`encryptedData` from the mini program (base64).", "nullable": true }, "iv": { "type": "string", "pattern": "^[A-Za-z0-9+/]{22}==$", "description": "`iv` from the mini program (base64 of 16 bytes).", "nullable": true } }, "required": ["code"], "additionalProperties": false };
const pattern0 = new RegExp("^[A-Za-z0-9_-]{1,64}$", "u");
const pattern1 = new RegExp("^[A-Za-z0-9+/]+={0,2}$", "u");
const pattern2 = new RegExp("^[A-Za-z0-9+/]{22}==$", "u");
const func2 = (function ucs2length(str) {
  const len = str.length;
  let length = 0;
  let pos = 0;
  let value;
  while (pos < len) {
    length++;
    value = str.charCodeAt(pos++);
    if (value >= 55296 && value <= 56319 && pos < len) {
      value = str.charCodeAt(pos);
      if ((value & 64512) === 56320)
        pos++;
    }
  }
  return length;
});
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.code === void 0 && (missing0 = "code")) {
        validate10.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "appid" || key0 === "code" || key0 === "encrypt_data" || key0 === "iv")) {
            validate10.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.appid !== void 0) {
            let data0 = data.appid;
            const _errs2 = errors;
            if (typeof data0 !== "string" && data0 !== null) {
              validate10.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
              return false;
            }
            if (errors === _errs2) {
              if (typeof data0 === "string") {
                if (!pattern0.test(data0)) {
                  validate10.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,64}$"' }];
                  return false;
                }
              }
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.code !== void 0) {
              let data1 = data.code;
              const _errs5 = errors;
              if (errors === _errs5) {
                if (typeof data1 === "string") {
                  if (func2(data1) > 512) {
                    validate10.errors = [{ instancePath: instancePath + "/code", schemaPath: "#/properties/code/maxLength", keyword: "maxLength", params: { limit: 512 }, message: "must NOT have more than 512 characters" }];
                    return false;
                  } else {
                    if (func2(data1) < 1) {
                      validate10.errors = [{ instancePath: instancePath + "/code", schemaPath: "#/properties/code/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }];
                      return false;
                    }
                  }
                } else {
                  validate10.errors = [{ instancePath: instancePath + "/code", schemaPath: "#/properties/code/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
              }
              var valid0 = _errs5 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.encrypt_data !== void 0) {
                let data2 = data.encrypt_data;
                const _errs7 = errors;
                if (typeof data2 !== "string" && data2 !== null) {
                  validate10.errors = [{ instancePath: instancePath + "/encrypt_data", schemaPath: "#/properties/encrypt_data/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
                if (errors === _errs7) {
                  if (typeof data2 === "string") {
                    if (func2(data2) > 49152) {
                      validate10.errors = [{ instancePath: instancePath + "/encrypt_data", schemaPath: "#/properties/encrypt_data/maxLength", keyword: "maxLength", params: { limit: 49152 }, message: "must NOT have more than 49152 characters" }];
                      return false;
                    } else {
                      if (func2(data2) < 1) {
                        validate10.errors = [{ instancePath: instancePath + "/encrypt_data", schemaPath: "#/properties/encrypt_data/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }];
                        return false;
                      } else {
                        if (!pattern1.test(data2)) {
                          validate10.errors = [{ instancePath: instancePath + "/encrypt_data", schemaPath: "#/properties/encrypt_data/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9+/]+={0,2}$" }, message: 'must match pattern "^[A-Za-z0-9+/]+={0,2}$"' }];
                          return false;
                        }
                      }
                    }
                  }
                }
                var valid0 = _errs7 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.iv !== void 0) {
                  let data3 = data.iv;
                  const _errs10 = errors;
                  if (typeof data3 !== "string" && data3 !== null) {
                    validate10.errors = [{ instancePath: instancePath + "/iv", schemaPath: "#/properties/iv/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                    return false;
                  }
                  if (errors === _errs10) {
                    if (typeof data3 === "string") {
                      if (!pattern2.test(data3)) {
                        validate10.errors = [{ instancePath: instancePath + "/iv", schemaPath: "#/properties/iv/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9+/]{22}==$" }, message: 'must match pattern "^[A-Za-z0-9+/]{22}==$"' }];
                        return false;
                      }
                    }
                  }
                  var valid0 = _errs10 === errors;
                } else {
                  var valid0 = true;
                }
              }
            }
          }
        }
      }
    } else {
      validate10.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate10.errors = vErrors;
  return errors === 0;
}
const v1 = validate11;
const schema12 = { "type": "object", "properties": { "id": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,128}$", "description": "Session id from `qcloud.cam.id_skey`." }, "skey": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,128}$", "description": "Session key from `qcloud.cam.id_skey`." }, "appid": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$", "description": "The app; optional where the URL binds one.", "nullable": true } }, "required": ["id", "skey"], "additionalProperties": false };
const pattern3 = new RegExp("^[A-Za-z0-9_-]{1,128}$", "u");
function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.id === void 0 && (missing0 = "id") || data.skey === void 0 && (missing0 = "skey")) {
        validate11.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "id" || key0 === "skey" || key0 === "appid")) {
            validate11.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.id !== void 0) {
            let data0 = data.id;
            const _errs2 = errors;
            if (errors === _errs2) {
              if (typeof data0 === "string") {
                if (!pattern3.test(data0)) {
                  validate11.errors = [{ instancePath: instancePath + "/id", schemaPath: "#/properties/id/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,128}$"' }];
                  return false;
                }
              } else {
                validate11.errors = [{ instancePath: instancePath + "/id", schemaPath: "#/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.skey !== void 0) {
              let data1 = data.skey;
              const _errs4 = errors;
              if (errors === _errs4) {
                if (typeof data1 === "string") {
                  if (!pattern3.test(data1)) {
                    validate11.errors = [{ instancePath: instancePath + "/skey", schemaPath: "#/properties/skey/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,128}$"' }];
                    return false;
                  }
                } else {
                  validate11.errors = [{ instancePath: instancePath + "/skey", schemaPath: "#/properties/skey/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.appid !== void 0) {
                let data2 = data.appid;
                const _errs6 = errors;
                if (typeof data2 !== "string" && data2 !== null) {
                  validate11.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
                if (errors === _errs6) {
                  if (typeof data2 === "string") {
                    if (!pattern0.test(data2)) {
                      validate11.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,64}$"' }];
                      return false;
                    }
                  }
                }
                var valid0 = _errs6 === errors;
              } else {
                var valid0 = true;
              }
            }
          }
        }
      }
    } else {
      validate11.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate11.errors = vErrors;
  return errors === 0;
}
const v2 = validate12;
const schema13 = { "type": "object", "properties": { "id": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,128}$", "description": "Session id from `qcloud.cam.id_skey`." }, "skey": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,128}$", "description": "Session key from `qcloud.cam.id_skey`." }, "appid": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$", "description": "The app; optional where the URL binds one.", "nullable": true }, "encrypt_data": { "type": "string", "minLength": 1, "maxLength": 49152, "pattern": "^[A-Za-z0-9+/]+={0,2}$", "description": "`encryptedData` from the mini program (base64)." }, "iv": { "type": "string", "pattern": "^[A-Za-z0-9+/]{22}==$", "description": "`iv` from the mini program (base64 of 16 bytes)." } }, "required": ["id", "skey", "encrypt_data", "iv"], "additionalProperties": false };
function validate12(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.id === void 0 && (missing0 = "id") || data.skey === void 0 && (missing0 = "skey") || data.encrypt_data === void 0 && (missing0 = "encrypt_data") || data.iv === void 0 && (missing0 = "iv")) {
        validate12.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "id" || key0 === "skey" || key0 === "appid" || key0 === "encrypt_data" || key0 === "iv")) {
            validate12.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.id !== void 0) {
            let data0 = data.id;
            const _errs2 = errors;
            if (errors === _errs2) {
              if (typeof data0 === "string") {
                if (!pattern3.test(data0)) {
                  validate12.errors = [{ instancePath: instancePath + "/id", schemaPath: "#/properties/id/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,128}$"' }];
                  return false;
                }
              } else {
                validate12.errors = [{ instancePath: instancePath + "/id", schemaPath: "#/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.skey !== void 0) {
              let data1 = data.skey;
              const _errs4 = errors;
              if (errors === _errs4) {
                if (typeof data1 === "string") {
                  if (!pattern3.test(data1)) {
                    validate12.errors = [{ instancePath: instancePath + "/skey", schemaPath: "#/properties/skey/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,128}$"' }];
                    return false;
                  }
                } else {
                  validate12.errors = [{ instancePath: instancePath + "/skey", schemaPath: "#/properties/skey/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.appid !== void 0) {
                let data2 = data.appid;
                const _errs6 = errors;
                if (typeof data2 !== "string" && data2 !== null) {
                  validate12.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
                if (errors === _errs6) {
                  if (typeof data2 === "string") {
                    if (!pattern0.test(data2)) {
                      validate12.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,64}$"' }];
                      return false;
                    }
                  }
                }
                var valid0 = _errs6 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.encrypt_data !== void 0) {
                  let data3 = data.encrypt_data;
                  const _errs9 = errors;
                  if (errors === _errs9) {
                    if (typeof data3 === "string") {
                      if (func2(data3) > 49152) {
                        validate12.errors = [{ instancePath: instancePath + "/encrypt_data", schemaPath: "#/properties/encrypt_data/maxLength", keyword: "maxLength", params: { limit: 49152 }, message: "must NOT have more than 49152 characters" }];
                        return false;
                      } else {
                        if (func2(data3) < 1) {
                          validate12.errors = [{ instancePath: instancePath + "/encrypt_data", schemaPath: "#/properties/encrypt_data/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }];
                          return false;
                        } else {
                          if (!pattern1.test(data3)) {
                            validate12.errors = [{ instancePath: instancePath + "/encrypt_data", schemaPath: "#/properties/encrypt_data/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9+/]+={0,2}$" }, message: 'must match pattern "^[A-Za-z0-9+/]+={0,2}$"' }];
                            return false;
                          }
                        }
                      }
                    } else {
                      validate12.errors = [{ instancePath: instancePath + "/encrypt_data", schemaPath: "#/properties/encrypt_data/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                      return false;
                    }
                  }
                  var valid0 = _errs9 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.iv !== void 0) {
                    let data4 = data.iv;
                    const _errs11 = errors;
                    if (errors === _errs11) {
                      if (typeof data4 === "string") {
                        if (!pattern2.test(data4)) {
                          validate12.errors = [{ instancePath: instancePath + "/iv", schemaPath: "#/properties/iv/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9+/]{22}==$" }, message: 'must match pattern "^[A-Za-z0-9+/]{22}==$"' }];
                          return false;
                        }
                      } else {
                        validate12.errors = [{ instancePath: instancePath + "/iv", schemaPath: "#/properties/iv/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                        return false;
                      }
                    }
                    var valid0 = _errs11 === errors;
                  } else {
                    var valid0 = true;
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate12.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate12.errors = vErrors;
  return errors === 0;
}
const v3 = validate13;
const schema14 = { "type": "object", "properties": { "id": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,128}$", "description": "Session id from `qcloud.cam.id_skey`." }, "skey": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,128}$", "description": "Session key from `qcloud.cam.id_skey`." }, "appid": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$", "description": "The app; optional where the URL binds one.", "nullable": true }, "code": { "type": "string", "minLength": 1, "maxLength": 512, "description": "The code from the getPhoneNumber button (single-use, 5 minutes)." } }, "required": ["id", "skey", "code"], "additionalProperties": false };
function validate13(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.id === void 0 && (missing0 = "id") || data.skey === void 0 && (missing0 = "skey") || data.code === void 0 && (missing0 = "code")) {
        validate13.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "id" || key0 === "skey" || key0 === "appid" || key0 === "code")) {
            validate13.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.id !== void 0) {
            let data0 = data.id;
            const _errs2 = errors;
            if (errors === _errs2) {
              if (typeof data0 === "string") {
                if (!pattern3.test(data0)) {
                  validate13.errors = [{ instancePath: instancePath + "/id", schemaPath: "#/properties/id/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,128}$"' }];
                  return false;
                }
              } else {
                validate13.errors = [{ instancePath: instancePath + "/id", schemaPath: "#/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.skey !== void 0) {
              let data1 = data.skey;
              const _errs4 = errors;
              if (errors === _errs4) {
                if (typeof data1 === "string") {
                  if (!pattern3.test(data1)) {
                    validate13.errors = [{ instancePath: instancePath + "/skey", schemaPath: "#/properties/skey/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,128}$"' }];
                    return false;
                  }
                } else {
                  validate13.errors = [{ instancePath: instancePath + "/skey", schemaPath: "#/properties/skey/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.appid !== void 0) {
                let data2 = data.appid;
                const _errs6 = errors;
                if (typeof data2 !== "string" && data2 !== null) {
                  validate13.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
                if (errors === _errs6) {
                  if (typeof data2 === "string") {
                    if (!pattern0.test(data2)) {
                      validate13.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,64}$"' }];
                      return false;
                    }
                  }
                }
                var valid0 = _errs6 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.code !== void 0) {
                  let data3 = data.code;
                  const _errs9 = errors;
                  if (errors === _errs9) {
                    if (typeof data3 === "string") {
                      if (func2(data3) > 512) {
                        validate13.errors = [{ instancePath: instancePath + "/code", schemaPath: "#/properties/code/maxLength", keyword: "maxLength", params: { limit: 512 }, message: "must NOT have more than 512 characters" }];
                        return false;
                      } else {
                        if (func2(data3) < 1) {
                          validate13.errors = [{ instancePath: instancePath + "/code", schemaPath: "#/properties/code/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }];
                          return false;
                        }
                      }
                    } else {
                      validate13.errors = [{ instancePath: instancePath + "/code", schemaPath: "#/properties/code/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                      return false;
                    }
                  }
                  var valid0 = _errs9 === errors;
                } else {
                  var valid0 = true;
                }
              }
            }
          }
        }
      }
    } else {
      validate13.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate13.errors = vErrors;
  return errors === 0;
}
const v4 = validate14;
const schema15 = { "type": "object", "required": [], "additionalProperties": true };
function validate14(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
    } else {
      validate14.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate14.errors = vErrors;
  return errors === 0;
}
const v5 = validate15;
const schema16 = { "type": "object", "properties": { "appid": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$", "description": "The app; optional where the URL binds one." }, "force": { "type": "boolean", "description": "A real refresh (budgeted: at most one per 30 s and a daily budget per app).", "nullable": true }, "invalid_token": { "type": "string", "minLength": 1, "maxLength": 2048, "description": "A token that just failed with 40001/42001/40014: refreshed only if it is still the current one.", "nullable": true } }, "required": ["appid"], "additionalProperties": false };
function validate15(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.appid === void 0 && (missing0 = "appid")) {
        validate15.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "appid" || key0 === "force" || key0 === "invalid_token")) {
            validate15.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.appid !== void 0) {
            let data0 = data.appid;
            const _errs2 = errors;
            if (errors === _errs2) {
              if (typeof data0 === "string") {
                if (!pattern0.test(data0)) {
                  validate15.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,64}$"' }];
                  return false;
                }
              } else {
                validate15.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.force !== void 0) {
              let data1 = data.force;
              const _errs4 = errors;
              if (typeof data1 !== "boolean" && data1 !== null) {
                validate15.errors = [{ instancePath: instancePath + "/force", schemaPath: "#/properties/force/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" }];
                return false;
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.invalid_token !== void 0) {
                let data2 = data.invalid_token;
                const _errs7 = errors;
                if (typeof data2 !== "string" && data2 !== null) {
                  validate15.errors = [{ instancePath: instancePath + "/invalid_token", schemaPath: "#/properties/invalid_token/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
                if (errors === _errs7) {
                  if (typeof data2 === "string") {
                    if (func2(data2) > 2048) {
                      validate15.errors = [{ instancePath: instancePath + "/invalid_token", schemaPath: "#/properties/invalid_token/maxLength", keyword: "maxLength", params: { limit: 2048 }, message: "must NOT have more than 2048 characters" }];
                      return false;
                    } else {
                      if (func2(data2) < 1) {
                        validate15.errors = [{ instancePath: instancePath + "/invalid_token", schemaPath: "#/properties/invalid_token/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }];
                        return false;
                      }
                    }
                  }
                }
                var valid0 = _errs7 === errors;
              } else {
                var valid0 = true;
              }
            }
          }
        }
      }
    } else {
      validate15.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate15.errors = vErrors;
  return errors === 0;
}
const v6 = validate16;
const schema17 = { "type": "object", "properties": { "appid": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$", "description": "The app; optional where the URL binds one." }, "force": { "type": "boolean", "description": "A real refresh (budgeted: at most one per 30 s and a daily budget per app).", "nullable": true } }, "required": ["appid"], "additionalProperties": false };
function validate16(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.appid === void 0 && (missing0 = "appid")) {
        validate16.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "appid" || key0 === "force")) {
            validate16.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.appid !== void 0) {
            let data0 = data.appid;
            const _errs2 = errors;
            if (errors === _errs2) {
              if (typeof data0 === "string") {
                if (!pattern0.test(data0)) {
                  validate16.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,64}$"' }];
                  return false;
                }
              } else {
                validate16.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.force !== void 0) {
              let data1 = data.force;
              const _errs4 = errors;
              if (typeof data1 !== "boolean" && data1 !== null) {
                validate16.errors = [{ instancePath: instancePath + "/force", schemaPath: "#/properties/force/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" }];
                return false;
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
          }
        }
      }
    } else {
      validate16.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate16.errors = vErrors;
  return errors === 0;
}
const v7 = validate17;
const schema18 = { "type": "object", "properties": { "appid": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$", "description": "The app; optional where the URL binds one." }, "url": { "type": "string", "minLength": 8, "maxLength": 2048, "pattern": "^https?://", "description": "The full URL of the page calling wx.config (a `#\u2026` fragment is ignored)." } }, "required": ["appid", "url"], "additionalProperties": false };
const pattern17 = new RegExp("^https?://", "u");
function validate17(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.appid === void 0 && (missing0 = "appid") || data.url === void 0 && (missing0 = "url")) {
        validate17.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "appid" || key0 === "url")) {
            validate17.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.appid !== void 0) {
            let data0 = data.appid;
            const _errs2 = errors;
            if (errors === _errs2) {
              if (typeof data0 === "string") {
                if (!pattern0.test(data0)) {
                  validate17.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,64}$"' }];
                  return false;
                }
              } else {
                validate17.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.url !== void 0) {
              let data1 = data.url;
              const _errs4 = errors;
              if (errors === _errs4) {
                if (typeof data1 === "string") {
                  if (func2(data1) > 2048) {
                    validate17.errors = [{ instancePath: instancePath + "/url", schemaPath: "#/properties/url/maxLength", keyword: "maxLength", params: { limit: 2048 }, message: "must NOT have more than 2048 characters" }];
                    return false;
                  } else {
                    if (func2(data1) < 8) {
                      validate17.errors = [{ instancePath: instancePath + "/url", schemaPath: "#/properties/url/minLength", keyword: "minLength", params: { limit: 8 }, message: "must NOT have fewer than 8 characters" }];
                      return false;
                    } else {
                      if (!pattern17.test(data1)) {
                        validate17.errors = [{ instancePath: instancePath + "/url", schemaPath: "#/properties/url/pattern", keyword: "pattern", params: { pattern: "^https?://" }, message: 'must match pattern "^https?://"' }];
                        return false;
                      }
                    }
                  }
                } else {
                  validate17.errors = [{ instancePath: instancePath + "/url", schemaPath: "#/properties/url/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
          }
        }
      }
    } else {
      validate17.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate17.errors = vErrors;
  return errors === 0;
}
const v8 = validate18;
const schema19 = { "type": "object", "properties": { "corpid": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$", "description": "The WeCom corp (`ww\u2026`)." }, "agentid": { "type": "string", "pattern": "^[0-9]{1,20}$", "description": "The WeCom agent (application) id, as a string of digits." }, "force": { "type": "boolean", "description": "A real refresh (budgeted: at most one per 30 s and a daily budget per app).", "nullable": true }, "invalid_token": { "type": "string", "minLength": 1, "maxLength": 2048, "description": "A token that just failed with 40001/42001/40014: refreshed only if it is still the current one.", "nullable": true } }, "required": ["corpid", "agentid"], "additionalProperties": false };
const pattern19 = new RegExp("^[0-9]{1,20}$", "u");
function validate18(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.corpid === void 0 && (missing0 = "corpid") || data.agentid === void 0 && (missing0 = "agentid")) {
        validate18.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "corpid" || key0 === "agentid" || key0 === "force" || key0 === "invalid_token")) {
            validate18.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.corpid !== void 0) {
            let data0 = data.corpid;
            const _errs2 = errors;
            if (errors === _errs2) {
              if (typeof data0 === "string") {
                if (!pattern0.test(data0)) {
                  validate18.errors = [{ instancePath: instancePath + "/corpid", schemaPath: "#/properties/corpid/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,64}$"' }];
                  return false;
                }
              } else {
                validate18.errors = [{ instancePath: instancePath + "/corpid", schemaPath: "#/properties/corpid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.agentid !== void 0) {
              let data1 = data.agentid;
              const _errs4 = errors;
              if (errors === _errs4) {
                if (typeof data1 === "string") {
                  if (!pattern19.test(data1)) {
                    validate18.errors = [{ instancePath: instancePath + "/agentid", schemaPath: "#/properties/agentid/pattern", keyword: "pattern", params: { pattern: "^[0-9]{1,20}$" }, message: 'must match pattern "^[0-9]{1,20}$"' }];
                    return false;
                  }
                } else {
                  validate18.errors = [{ instancePath: instancePath + "/agentid", schemaPath: "#/properties/agentid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.force !== void 0) {
                let data2 = data.force;
                const _errs6 = errors;
                if (typeof data2 !== "boolean" && data2 !== null) {
                  validate18.errors = [{ instancePath: instancePath + "/force", schemaPath: "#/properties/force/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" }];
                  return false;
                }
                var valid0 = _errs6 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.invalid_token !== void 0) {
                  let data3 = data.invalid_token;
                  const _errs9 = errors;
                  if (typeof data3 !== "string" && data3 !== null) {
                    validate18.errors = [{ instancePath: instancePath + "/invalid_token", schemaPath: "#/properties/invalid_token/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                    return false;
                  }
                  if (errors === _errs9) {
                    if (typeof data3 === "string") {
                      if (func2(data3) > 2048) {
                        validate18.errors = [{ instancePath: instancePath + "/invalid_token", schemaPath: "#/properties/invalid_token/maxLength", keyword: "maxLength", params: { limit: 2048 }, message: "must NOT have more than 2048 characters" }];
                        return false;
                      } else {
                        if (func2(data3) < 1) {
                          validate18.errors = [{ instancePath: instancePath + "/invalid_token", schemaPath: "#/properties/invalid_token/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }];
                          return false;
                        }
                      }
                    }
                  }
                  var valid0 = _errs9 === errors;
                } else {
                  var valid0 = true;
                }
              }
            }
          }
        }
      }
    } else {
      validate18.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate18.errors = vErrors;
  return errors === 0;
}
const v9 = validate19;
const schema20 = { "type": "object", "properties": { "corpid": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$", "description": "The WeCom corp (`ww\u2026`)." }, "agentid": { "type": "string", "pattern": "^[0-9]{1,20}$", "description": "The WeCom agent (application) id, as a string of digits." }, "force": { "type": "boolean", "description": "A real refresh (budgeted: at most one per 30 s and a daily budget per app).", "nullable": true } }, "required": ["corpid", "agentid"], "additionalProperties": false };
function validate19(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.corpid === void 0 && (missing0 = "corpid") || data.agentid === void 0 && (missing0 = "agentid")) {
        validate19.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "corpid" || key0 === "agentid" || key0 === "force")) {
            validate19.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.corpid !== void 0) {
            let data0 = data.corpid;
            const _errs2 = errors;
            if (errors === _errs2) {
              if (typeof data0 === "string") {
                if (!pattern0.test(data0)) {
                  validate19.errors = [{ instancePath: instancePath + "/corpid", schemaPath: "#/properties/corpid/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,64}$"' }];
                  return false;
                }
              } else {
                validate19.errors = [{ instancePath: instancePath + "/corpid", schemaPath: "#/properties/corpid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.agentid !== void 0) {
              let data1 = data.agentid;
              const _errs4 = errors;
              if (errors === _errs4) {
                if (typeof data1 === "string") {
                  if (!pattern19.test(data1)) {
                    validate19.errors = [{ instancePath: instancePath + "/agentid", schemaPath: "#/properties/agentid/pattern", keyword: "pattern", params: { pattern: "^[0-9]{1,20}$" }, message: 'must match pattern "^[0-9]{1,20}$"' }];
                    return false;
                  }
                } else {
                  validate19.errors = [{ instancePath: instancePath + "/agentid", schemaPath: "#/properties/agentid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.force !== void 0) {
                let data2 = data.force;
                const _errs6 = errors;
                if (typeof data2 !== "boolean" && data2 !== null) {
                  validate19.errors = [{ instancePath: instancePath + "/force", schemaPath: "#/properties/force/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" }];
                  return false;
                }
                var valid0 = _errs6 === errors;
              } else {
                var valid0 = true;
              }
            }
          }
        }
      }
    } else {
      validate19.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate19.errors = vErrors;
  return errors === 0;
}
const v10 = validate20;
const schema21 = { "type": "object", "properties": { "corpid": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$", "description": "The WeCom corp (`ww\u2026`)." }, "agentid": { "type": "string", "pattern": "^[0-9]{1,20}$", "description": "The WeCom agent (application) id, as a string of digits." }, "force": { "type": "boolean", "description": "A real refresh (budgeted: at most one per 30 s and a daily budget per app).", "nullable": true } }, "required": ["corpid", "agentid"], "additionalProperties": false };
function validate20(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.corpid === void 0 && (missing0 = "corpid") || data.agentid === void 0 && (missing0 = "agentid")) {
        validate20.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "corpid" || key0 === "agentid" || key0 === "force")) {
            validate20.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.corpid !== void 0) {
            let data0 = data.corpid;
            const _errs2 = errors;
            if (errors === _errs2) {
              if (typeof data0 === "string") {
                if (!pattern0.test(data0)) {
                  validate20.errors = [{ instancePath: instancePath + "/corpid", schemaPath: "#/properties/corpid/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,64}$"' }];
                  return false;
                }
              } else {
                validate20.errors = [{ instancePath: instancePath + "/corpid", schemaPath: "#/properties/corpid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.agentid !== void 0) {
              let data1 = data.agentid;
              const _errs4 = errors;
              if (errors === _errs4) {
                if (typeof data1 === "string") {
                  if (!pattern19.test(data1)) {
                    validate20.errors = [{ instancePath: instancePath + "/agentid", schemaPath: "#/properties/agentid/pattern", keyword: "pattern", params: { pattern: "^[0-9]{1,20}$" }, message: 'must match pattern "^[0-9]{1,20}$"' }];
                    return false;
                  }
                } else {
                  validate20.errors = [{ instancePath: instancePath + "/agentid", schemaPath: "#/properties/agentid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.force !== void 0) {
                let data2 = data.force;
                const _errs6 = errors;
                if (typeof data2 !== "boolean" && data2 !== null) {
                  validate20.errors = [{ instancePath: instancePath + "/force", schemaPath: "#/properties/force/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" }];
                  return false;
                }
                var valid0 = _errs6 === errors;
              } else {
                var valid0 = true;
              }
            }
          }
        }
      }
    } else {
      validate20.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate20.errors = vErrors;
  return errors === 0;
}
const v11 = validate21;
const schema22 = { "type": "object", "properties": { "corpid": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$", "description": "The WeCom corp (`ww\u2026`)." }, "agentid": { "type": "string", "pattern": "^[0-9]{1,20}$", "description": "The WeCom agent (application) id, as a string of digits." }, "url": { "type": "string", "minLength": 8, "maxLength": 2048, "pattern": "^https?://", "description": "The full URL of the page calling wx.config (a `#\u2026` fragment is ignored)." }, "type": { "type": "string", "enum": ["corp", "agent"], "description": "`corp` (wx.config) or `agent` (wx.agentConfig)." } }, "required": ["corpid", "agentid", "url", "type"], "additionalProperties": false };
function validate21(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.corpid === void 0 && (missing0 = "corpid") || data.agentid === void 0 && (missing0 = "agentid") || data.url === void 0 && (missing0 = "url") || data.type === void 0 && (missing0 = "type")) {
        validate21.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "corpid" || key0 === "agentid" || key0 === "url" || key0 === "type")) {
            validate21.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.corpid !== void 0) {
            let data0 = data.corpid;
            const _errs2 = errors;
            if (errors === _errs2) {
              if (typeof data0 === "string") {
                if (!pattern0.test(data0)) {
                  validate21.errors = [{ instancePath: instancePath + "/corpid", schemaPath: "#/properties/corpid/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,64}$"' }];
                  return false;
                }
              } else {
                validate21.errors = [{ instancePath: instancePath + "/corpid", schemaPath: "#/properties/corpid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.agentid !== void 0) {
              let data1 = data.agentid;
              const _errs4 = errors;
              if (errors === _errs4) {
                if (typeof data1 === "string") {
                  if (!pattern19.test(data1)) {
                    validate21.errors = [{ instancePath: instancePath + "/agentid", schemaPath: "#/properties/agentid/pattern", keyword: "pattern", params: { pattern: "^[0-9]{1,20}$" }, message: 'must match pattern "^[0-9]{1,20}$"' }];
                    return false;
                  }
                } else {
                  validate21.errors = [{ instancePath: instancePath + "/agentid", schemaPath: "#/properties/agentid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.url !== void 0) {
                let data2 = data.url;
                const _errs6 = errors;
                if (errors === _errs6) {
                  if (typeof data2 === "string") {
                    if (func2(data2) > 2048) {
                      validate21.errors = [{ instancePath: instancePath + "/url", schemaPath: "#/properties/url/maxLength", keyword: "maxLength", params: { limit: 2048 }, message: "must NOT have more than 2048 characters" }];
                      return false;
                    } else {
                      if (func2(data2) < 8) {
                        validate21.errors = [{ instancePath: instancePath + "/url", schemaPath: "#/properties/url/minLength", keyword: "minLength", params: { limit: 8 }, message: "must NOT have fewer than 8 characters" }];
                        return false;
                      } else {
                        if (!pattern17.test(data2)) {
                          validate21.errors = [{ instancePath: instancePath + "/url", schemaPath: "#/properties/url/pattern", keyword: "pattern", params: { pattern: "^https?://" }, message: 'must match pattern "^https?://"' }];
                          return false;
                        }
                      }
                    }
                  } else {
                    validate21.errors = [{ instancePath: instancePath + "/url", schemaPath: "#/properties/url/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                    return false;
                  }
                }
                var valid0 = _errs6 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.type !== void 0) {
                  let data3 = data.type;
                  const _errs8 = errors;
                  if (typeof data3 !== "string") {
                    validate21.errors = [{ instancePath: instancePath + "/type", schemaPath: "#/properties/type/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                    return false;
                  }
                  if (!(data3 === "corp" || data3 === "agent")) {
                    validate21.errors = [{ instancePath: instancePath + "/type", schemaPath: "#/properties/type/enum", keyword: "enum", params: { allowedValues: schema22.properties.type.enum }, message: "must be equal to one of the allowed values" }];
                    return false;
                  }
                  var valid0 = _errs8 === errors;
                } else {
                  var valid0 = true;
                }
              }
            }
          }
        }
      }
    } else {
      validate21.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate21.errors = vErrors;
  return errors === 0;
}
const v12 = validate22;
const schema23 = { "type": "object", "properties": { "name": { "type": "string", "minLength": 1, "maxLength": 128, "description": "Who holds the key (for key lists and logs)." }, "scopes": { "type": "array", "items": { "type": "string", "minLength": 1, "maxLength": 200 }, "minItems": 1, "maxItems": 100, "description": "What the key may call." }, "expires_at": { "type": "integer", "minimum": 0, "nullable": true, "description": "Unix time after which the key stops working." } }, "required": ["name", "scopes"], "additionalProperties": false };
function validate22(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.name === void 0 && (missing0 = "name") || data.scopes === void 0 && (missing0 = "scopes")) {
        validate22.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "name" || key0 === "scopes" || key0 === "expires_at")) {
            validate22.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.name !== void 0) {
            let data0 = data.name;
            const _errs2 = errors;
            if (errors === _errs2) {
              if (typeof data0 === "string") {
                if (func2(data0) > 128) {
                  validate22.errors = [{ instancePath: instancePath + "/name", schemaPath: "#/properties/name/maxLength", keyword: "maxLength", params: { limit: 128 }, message: "must NOT have more than 128 characters" }];
                  return false;
                } else {
                  if (func2(data0) < 1) {
                    validate22.errors = [{ instancePath: instancePath + "/name", schemaPath: "#/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }];
                    return false;
                  }
                }
              } else {
                validate22.errors = [{ instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.scopes !== void 0) {
              let data1 = data.scopes;
              const _errs4 = errors;
              if (errors === _errs4) {
                if (Array.isArray(data1)) {
                  if (data1.length > 100) {
                    validate22.errors = [{ instancePath: instancePath + "/scopes", schemaPath: "#/properties/scopes/maxItems", keyword: "maxItems", params: { limit: 100 }, message: "must NOT have more than 100 items" }];
                    return false;
                  } else {
                    if (data1.length < 1) {
                      validate22.errors = [{ instancePath: instancePath + "/scopes", schemaPath: "#/properties/scopes/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" }];
                      return false;
                    } else {
                      var valid1 = true;
                      const len0 = data1.length;
                      for (let i0 = 0; i0 < len0; i0++) {
                        let data2 = data1[i0];
                        const _errs6 = errors;
                        if (errors === _errs6) {
                          if (typeof data2 === "string") {
                            if (func2(data2) > 200) {
                              validate22.errors = [{ instancePath: instancePath + "/scopes/" + i0, schemaPath: "#/properties/scopes/items/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters" }];
                              return false;
                            } else {
                              if (func2(data2) < 1) {
                                validate22.errors = [{ instancePath: instancePath + "/scopes/" + i0, schemaPath: "#/properties/scopes/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }];
                                return false;
                              }
                            }
                          } else {
                            validate22.errors = [{ instancePath: instancePath + "/scopes/" + i0, schemaPath: "#/properties/scopes/items/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                            return false;
                          }
                        }
                        var valid1 = _errs6 === errors;
                        if (!valid1) {
                          break;
                        }
                      }
                    }
                  }
                } else {
                  validate22.errors = [{ instancePath: instancePath + "/scopes", schemaPath: "#/properties/scopes/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                  return false;
                }
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.expires_at !== void 0) {
                let data3 = data.expires_at;
                const _errs8 = errors;
                if (!(typeof data3 == "number" && (!(data3 % 1) && !isNaN(data3)) && isFinite(data3)) && data3 !== null) {
                  validate22.errors = [{ instancePath: instancePath + "/expires_at", schemaPath: "#/properties/expires_at/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                  return false;
                }
                if (errors === _errs8) {
                  if (typeof data3 == "number" && isFinite(data3)) {
                    if (data3 < 0 || isNaN(data3)) {
                      validate22.errors = [{ instancePath: instancePath + "/expires_at", schemaPath: "#/properties/expires_at/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                      return false;
                    }
                  }
                }
                var valid0 = _errs8 === errors;
              } else {
                var valid0 = true;
              }
            }
          }
        }
      }
    } else {
      validate22.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate22.errors = vErrors;
  return errors === 0;
}
const v13 = validate23;
const schema24 = { "type": "object", "required": [], "additionalProperties": false };
function validate23(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      for (const key0 in data) {
        validate23.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
        return false;
        break;
      }
    } else {
      validate23.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate23.errors = vErrors;
  return errors === 0;
}
const v14 = validate24;
const schema25 = { "type": "object", "properties": { "key_id": { "type": "string", "pattern": "^[a-z0-9]{8,16}$", "description": "The key to revoke." } }, "required": ["key_id"], "additionalProperties": false };
const pattern27 = new RegExp("^[a-z0-9]{8,16}$", "u");
function validate24(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.key_id === void 0 && (missing0 = "key_id")) {
        validate24.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "key_id")) {
            validate24.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.key_id !== void 0) {
            let data0 = data.key_id;
            const _errs2 = errors;
            if (errors === _errs2) {
              if (typeof data0 === "string") {
                if (!pattern27.test(data0)) {
                  validate24.errors = [{ instancePath: instancePath + "/key_id", schemaPath: "#/properties/key_id/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]{8,16}$" }, message: 'must match pattern "^[a-z0-9]{8,16}$"' }];
                  return false;
                }
              } else {
                validate24.errors = [{ instancePath: instancePath + "/key_id", schemaPath: "#/properties/key_id/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
            }
          }
        }
      }
    } else {
      validate24.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate24.errors = vErrors;
  return errors === 0;
}
const v15 = validate25;
const schema26 = { "type": "object", "properties": { "appid": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$", "description": "The app (mini program or Official Account appid)." }, "secret": { "type": "string", "pattern": "^[\\x21-\\x7e]{1,256}$", "description": "The AppSecret (required for a new app); stored sealed, never shown again.", "nullable": true }, "type": { "type": "string", "enum": ["miniprogram", "official_account"], "nullable": true, "description": '`"miniprogram"` or `"official_account"` (required for a new app).' }, "login_duration": { "type": "integer", "minimum": 1, "maximum": 3650, "nullable": true, "description": "Absolute session lifetime in days since login (default 30)." }, "session_duration": { "type": "integer", "minimum": 1, "maximum": 31536e4, "nullable": true, "description": "Idle session lifetime in seconds (default 2592000)." }, "max_sessions": { "type": "integer", "minimum": 1, "maximum": 1e3, "nullable": true, "description": "Live sessions per user; the oldest go first (default 20)." }, "token_api": { "type": "string", "enum": ["stable", "classic"], "nullable": true, "description": 'Access tokens from `"stable"` (`/cgi-bin/stable_token`, default) or `"classic"` (`/cgi-bin/token`).' }, "watermark_max_age": { "type": "integer", "minimum": 0, "maximum": 31536e4, "nullable": true, "description": "Oldest accepted open-data watermark in seconds; 0 = unchecked (default 86400)." }, "cos": { "oneOf": [{ "type": "object", "properties": { "bucket": { "type": "string", "pattern": "^[a-z0-9][a-z0-9-]{0,49}-[0-9]{5,12}$" }, "region": { "type": "string", "pattern": "^[a-z]{2,8}(-[a-z0-9]{1,32}){1,3}$" }, "secret_id": { "type": "string", "pattern": "^[A-Za-z0-9]{8,128}$" }, "secret_key": { "type": "string", "pattern": "^[\\x21-\\x7e]{8,256}$" }, "prefix": { "type": "string", "pattern": "^(?!/)(?!.*\\.\\.)(?!.*//)(?:[A-Za-z0-9_.!*'()/-]|\\{openid\\}|\\{appid\\}){1,256}$", "nullable": true }, "methods": { "type": "array", "items": { "type": "string", "enum": ["GET", "PUT", "HEAD", "POST", "DELETE"] }, "minItems": 1, "maxItems": 5, "uniqueItems": true, "nullable": true }, "max_expires": { "type": "integer", "minimum": 1, "maximum": 604800, "nullable": true }, "max_size": { "type": "integer", "minimum": 1, "maximum": 5368709120, "nullable": true }, "require_content": { "type": "boolean", "nullable": true } }, "required": ["bucket", "region", "secret_id", "secret_key"], "additionalProperties": false }, { "type": "boolean", "const": false }], "description": 'An object or `false`: the COS profile `{bucket, region, secret_id, secret_key, prefix?, methods?, max_expires?, max_size?, require_content?}` for `qcloud.cos.sign` (it replaces the whole profile; stored sealed), or `false` to remove it. Defaults: prefix `users/{openid}/`, methods `["PUT","GET","HEAD"]`, max_expires 3600 s, no max_size, require_content false. bucket like `name-1250000000`, region like `ap-guangzhou`.' } }, "required": ["appid"], "additionalProperties": false };
const func22 = Object.prototype.hasOwnProperty;
const pattern29 = new RegExp("^[\\x21-\\x7e]{1,256}$", "u");
const pattern30 = new RegExp("^[a-z0-9][a-z0-9-]{0,49}-[0-9]{5,12}$", "u");
const pattern31 = new RegExp("^[a-z]{2,8}(-[a-z0-9]{1,32}){1,3}$", "u");
const pattern32 = new RegExp("^[A-Za-z0-9]{8,128}$", "u");
const pattern33 = new RegExp("^[\\x21-\\x7e]{8,256}$", "u");
const pattern34 = new RegExp("^(?!/)(?!.*\\.\\.)(?!.*//)(?:[A-Za-z0-9_.!*'()/-]|\\{openid\\}|\\{appid\\}){1,256}$", "u");
function validate25(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.appid === void 0 && (missing0 = "appid")) {
        validate25.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!func22.call(schema26.properties, key0)) {
            validate25.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.appid !== void 0) {
            let data0 = data.appid;
            const _errs2 = errors;
            if (errors === _errs2) {
              if (typeof data0 === "string") {
                if (!pattern0.test(data0)) {
                  validate25.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,64}$"' }];
                  return false;
                }
              } else {
                validate25.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.secret !== void 0) {
              let data1 = data.secret;
              const _errs4 = errors;
              if (typeof data1 !== "string" && data1 !== null) {
                validate25.errors = [{ instancePath: instancePath + "/secret", schemaPath: "#/properties/secret/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
              if (errors === _errs4) {
                if (typeof data1 === "string") {
                  if (!pattern29.test(data1)) {
                    validate25.errors = [{ instancePath: instancePath + "/secret", schemaPath: "#/properties/secret/pattern", keyword: "pattern", params: { pattern: "^[\\x21-\\x7e]{1,256}$" }, message: 'must match pattern "^[\\x21-\\x7e]{1,256}$"' }];
                    return false;
                  }
                }
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.type !== void 0) {
                let data2 = data.type;
                const _errs7 = errors;
                if (typeof data2 !== "string" && data2 !== null) {
                  validate25.errors = [{ instancePath: instancePath + "/type", schemaPath: "#/properties/type/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
                if (!(data2 === "miniprogram" || data2 === "official_account")) {
                  validate25.errors = [{ instancePath: instancePath + "/type", schemaPath: "#/properties/type/enum", keyword: "enum", params: { allowedValues: schema26.properties.type.enum }, message: "must be equal to one of the allowed values" }];
                  return false;
                }
                var valid0 = _errs7 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.login_duration !== void 0) {
                  let data3 = data.login_duration;
                  const _errs10 = errors;
                  if (!(typeof data3 == "number" && (!(data3 % 1) && !isNaN(data3)) && isFinite(data3)) && data3 !== null) {
                    validate25.errors = [{ instancePath: instancePath + "/login_duration", schemaPath: "#/properties/login_duration/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                    return false;
                  }
                  if (errors === _errs10) {
                    if (typeof data3 == "number" && isFinite(data3)) {
                      if (data3 > 3650 || isNaN(data3)) {
                        validate25.errors = [{ instancePath: instancePath + "/login_duration", schemaPath: "#/properties/login_duration/maximum", keyword: "maximum", params: { comparison: "<=", limit: 3650 }, message: "must be <= 3650" }];
                        return false;
                      } else {
                        if (data3 < 1 || isNaN(data3)) {
                          validate25.errors = [{ instancePath: instancePath + "/login_duration", schemaPath: "#/properties/login_duration/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" }];
                          return false;
                        }
                      }
                    }
                  }
                  var valid0 = _errs10 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.session_duration !== void 0) {
                    let data4 = data.session_duration;
                    const _errs13 = errors;
                    if (!(typeof data4 == "number" && (!(data4 % 1) && !isNaN(data4)) && isFinite(data4)) && data4 !== null) {
                      validate25.errors = [{ instancePath: instancePath + "/session_duration", schemaPath: "#/properties/session_duration/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                      return false;
                    }
                    if (errors === _errs13) {
                      if (typeof data4 == "number" && isFinite(data4)) {
                        if (data4 > 31536e4 || isNaN(data4)) {
                          validate25.errors = [{ instancePath: instancePath + "/session_duration", schemaPath: "#/properties/session_duration/maximum", keyword: "maximum", params: { comparison: "<=", limit: 31536e4 }, message: "must be <= 315360000" }];
                          return false;
                        } else {
                          if (data4 < 1 || isNaN(data4)) {
                            validate25.errors = [{ instancePath: instancePath + "/session_duration", schemaPath: "#/properties/session_duration/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" }];
                            return false;
                          }
                        }
                      }
                    }
                    var valid0 = _errs13 === errors;
                  } else {
                    var valid0 = true;
                  }
                  if (valid0) {
                    if (data.max_sessions !== void 0) {
                      let data5 = data.max_sessions;
                      const _errs16 = errors;
                      if (!(typeof data5 == "number" && (!(data5 % 1) && !isNaN(data5)) && isFinite(data5)) && data5 !== null) {
                        validate25.errors = [{ instancePath: instancePath + "/max_sessions", schemaPath: "#/properties/max_sessions/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                        return false;
                      }
                      if (errors === _errs16) {
                        if (typeof data5 == "number" && isFinite(data5)) {
                          if (data5 > 1e3 || isNaN(data5)) {
                            validate25.errors = [{ instancePath: instancePath + "/max_sessions", schemaPath: "#/properties/max_sessions/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e3 }, message: "must be <= 1000" }];
                            return false;
                          } else {
                            if (data5 < 1 || isNaN(data5)) {
                              validate25.errors = [{ instancePath: instancePath + "/max_sessions", schemaPath: "#/properties/max_sessions/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" }];
                              return false;
                            }
                          }
                        }
                      }
                      var valid0 = _errs16 === errors;
                    } else {
                      var valid0 = true;
                    }
                    if (valid0) {
                      if (data.token_api !== void 0) {
                        let data6 = data.token_api;
                        const _errs19 = errors;
                        if (typeof data6 !== "string" && data6 !== null) {
                          validate25.errors = [{ instancePath: instancePath + "/token_api", schemaPath: "#/properties/token_api/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                          return false;
                        }
                        if (!(data6 === "stable" || data6 === "classic")) {
                          validate25.errors = [{ instancePath: instancePath + "/token_api", schemaPath: "#/properties/token_api/enum", keyword: "enum", params: { allowedValues: schema26.properties.token_api.enum }, message: "must be equal to one of the allowed values" }];
                          return false;
                        }
                        var valid0 = _errs19 === errors;
                      } else {
                        var valid0 = true;
                      }
                      if (valid0) {
                        if (data.watermark_max_age !== void 0) {
                          let data7 = data.watermark_max_age;
                          const _errs22 = errors;
                          if (!(typeof data7 == "number" && (!(data7 % 1) && !isNaN(data7)) && isFinite(data7)) && data7 !== null) {
                            validate25.errors = [{ instancePath: instancePath + "/watermark_max_age", schemaPath: "#/properties/watermark_max_age/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                            return false;
                          }
                          if (errors === _errs22) {
                            if (typeof data7 == "number" && isFinite(data7)) {
                              if (data7 > 31536e4 || isNaN(data7)) {
                                validate25.errors = [{ instancePath: instancePath + "/watermark_max_age", schemaPath: "#/properties/watermark_max_age/maximum", keyword: "maximum", params: { comparison: "<=", limit: 31536e4 }, message: "must be <= 315360000" }];
                                return false;
                              } else {
                                if (data7 < 0 || isNaN(data7)) {
                                  validate25.errors = [{ instancePath: instancePath + "/watermark_max_age", schemaPath: "#/properties/watermark_max_age/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                  return false;
                                }
                              }
                            }
                          }
                          var valid0 = _errs22 === errors;
                        } else {
                          var valid0 = true;
                        }
                        if (valid0) {
                          if (data.cos !== void 0) {
                            let data8 = data.cos;
                            const _errs25 = errors;
                            const _errs26 = errors;
                            let valid1 = false;
                            let passing0 = null;
                            const _errs27 = errors;
                            if (errors === _errs27) {
                              if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
                                let missing1;
                                if (data8.bucket === void 0 && (missing1 = "bucket") || data8.region === void 0 && (missing1 = "region") || data8.secret_id === void 0 && (missing1 = "secret_id") || data8.secret_key === void 0 && (missing1 = "secret_key")) {
                                  const err0 = { instancePath: instancePath + "/cos", schemaPath: "#/properties/cos/oneOf/0/required", keyword: "required", params: { missingProperty: missing1 }, message: "must have required property '" + missing1 + "'" };
                                  if (vErrors === null) {
                                    vErrors = [err0];
                                  } else {
                                    vErrors.push(err0);
                                  }
                                  errors++;
                                } else {
                                  const _errs29 = errors;
                                  for (const key1 in data8) {
                                    if (!func22.call(schema26.properties.cos.oneOf[0].properties, key1)) {
                                      const err1 = { instancePath: instancePath + "/cos", schemaPath: "#/properties/cos/oneOf/0/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                                      if (vErrors === null) {
                                        vErrors = [err1];
                                      } else {
                                        vErrors.push(err1);
                                      }
                                      errors++;
                                      break;
                                    }
                                  }
                                  if (_errs29 === errors) {
                                    if (data8.bucket !== void 0) {
                                      let data9 = data8.bucket;
                                      const _errs30 = errors;
                                      if (errors === _errs30) {
                                        if (typeof data9 === "string") {
                                          if (!pattern30.test(data9)) {
                                            const err2 = { instancePath: instancePath + "/cos/bucket", schemaPath: "#/properties/cos/oneOf/0/properties/bucket/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9-]{0,49}-[0-9]{5,12}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9-]{0,49}-[0-9]{5,12}$"' };
                                            if (vErrors === null) {
                                              vErrors = [err2];
                                            } else {
                                              vErrors.push(err2);
                                            }
                                            errors++;
                                          }
                                        } else {
                                          const err3 = { instancePath: instancePath + "/cos/bucket", schemaPath: "#/properties/cos/oneOf/0/properties/bucket/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                          if (vErrors === null) {
                                            vErrors = [err3];
                                          } else {
                                            vErrors.push(err3);
                                          }
                                          errors++;
                                        }
                                      }
                                      var valid2 = _errs30 === errors;
                                    } else {
                                      var valid2 = true;
                                    }
                                    if (valid2) {
                                      if (data8.region !== void 0) {
                                        let data10 = data8.region;
                                        const _errs32 = errors;
                                        if (errors === _errs32) {
                                          if (typeof data10 === "string") {
                                            if (!pattern31.test(data10)) {
                                              const err4 = { instancePath: instancePath + "/cos/region", schemaPath: "#/properties/cos/oneOf/0/properties/region/pattern", keyword: "pattern", params: { pattern: "^[a-z]{2,8}(-[a-z0-9]{1,32}){1,3}$" }, message: 'must match pattern "^[a-z]{2,8}(-[a-z0-9]{1,32}){1,3}$"' };
                                              if (vErrors === null) {
                                                vErrors = [err4];
                                              } else {
                                                vErrors.push(err4);
                                              }
                                              errors++;
                                            }
                                          } else {
                                            const err5 = { instancePath: instancePath + "/cos/region", schemaPath: "#/properties/cos/oneOf/0/properties/region/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                            if (vErrors === null) {
                                              vErrors = [err5];
                                            } else {
                                              vErrors.push(err5);
                                            }
                                            errors++;
                                          }
                                        }
                                        var valid2 = _errs32 === errors;
                                      } else {
                                        var valid2 = true;
                                      }
                                      if (valid2) {
                                        if (data8.secret_id !== void 0) {
                                          let data11 = data8.secret_id;
                                          const _errs34 = errors;
                                          if (errors === _errs34) {
                                            if (typeof data11 === "string") {
                                              if (!pattern32.test(data11)) {
                                                const err6 = { instancePath: instancePath + "/cos/secret_id", schemaPath: "#/properties/cos/oneOf/0/properties/secret_id/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9]{8,128}$" }, message: 'must match pattern "^[A-Za-z0-9]{8,128}$"' };
                                                if (vErrors === null) {
                                                  vErrors = [err6];
                                                } else {
                                                  vErrors.push(err6);
                                                }
                                                errors++;
                                              }
                                            } else {
                                              const err7 = { instancePath: instancePath + "/cos/secret_id", schemaPath: "#/properties/cos/oneOf/0/properties/secret_id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                              if (vErrors === null) {
                                                vErrors = [err7];
                                              } else {
                                                vErrors.push(err7);
                                              }
                                              errors++;
                                            }
                                          }
                                          var valid2 = _errs34 === errors;
                                        } else {
                                          var valid2 = true;
                                        }
                                        if (valid2) {
                                          if (data8.secret_key !== void 0) {
                                            let data12 = data8.secret_key;
                                            const _errs36 = errors;
                                            if (errors === _errs36) {
                                              if (typeof data12 === "string") {
                                                if (!pattern33.test(data12)) {
                                                  const err8 = { instancePath: instancePath + "/cos/secret_key", schemaPath: "#/properties/cos/oneOf/0/properties/secret_key/pattern", keyword: "pattern", params: { pattern: "^[\\x21-\\x7e]{8,256}$" }, message: 'must match pattern "^[\\x21-\\x7e]{8,256}$"' };
                                                  if (vErrors === null) {
                                                    vErrors = [err8];
                                                  } else {
                                                    vErrors.push(err8);
                                                  }
                                                  errors++;
                                                }
                                              } else {
                                                const err9 = { instancePath: instancePath + "/cos/secret_key", schemaPath: "#/properties/cos/oneOf/0/properties/secret_key/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                if (vErrors === null) {
                                                  vErrors = [err9];
                                                } else {
                                                  vErrors.push(err9);
                                                }
                                                errors++;
                                              }
                                            }
                                            var valid2 = _errs36 === errors;
                                          } else {
                                            var valid2 = true;
                                          }
                                          if (valid2) {
                                            if (data8.prefix !== void 0) {
                                              let data13 = data8.prefix;
                                              const _errs38 = errors;
                                              if (typeof data13 !== "string" && data13 !== null) {
                                                const err10 = { instancePath: instancePath + "/cos/prefix", schemaPath: "#/properties/cos/oneOf/0/properties/prefix/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                if (vErrors === null) {
                                                  vErrors = [err10];
                                                } else {
                                                  vErrors.push(err10);
                                                }
                                                errors++;
                                              }
                                              if (errors === _errs38) {
                                                if (typeof data13 === "string") {
                                                  if (!pattern34.test(data13)) {
                                                    const err11 = { instancePath: instancePath + "/cos/prefix", schemaPath: "#/properties/cos/oneOf/0/properties/prefix/pattern", keyword: "pattern", params: { pattern: "^(?!/)(?!.*\\.\\.)(?!.*//)(?:[A-Za-z0-9_.!*'()/-]|\\{openid\\}|\\{appid\\}){1,256}$" }, message: `must match pattern "^(?!/)(?!.*\\.\\.)(?!.*//)(?:[A-Za-z0-9_.!*'()/-]|\\{openid\\}|\\{appid\\}){1,256}$"` };
                                                    if (vErrors === null) {
                                                      vErrors = [err11];
                                                    } else {
                                                      vErrors.push(err11);
                                                    }
                                                    errors++;
                                                  }
                                                }
                                              }
                                              var valid2 = _errs38 === errors;
                                            } else {
                                              var valid2 = true;
                                            }
                                            if (valid2) {
                                              if (data8.methods !== void 0) {
                                                let data14 = data8.methods;
                                                const _errs41 = errors;
                                                if (!Array.isArray(data14) && data14 !== null) {
                                                  const err12 = { instancePath: instancePath + "/cos/methods", schemaPath: "#/properties/cos/oneOf/0/properties/methods/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                                                  if (vErrors === null) {
                                                    vErrors = [err12];
                                                  } else {
                                                    vErrors.push(err12);
                                                  }
                                                  errors++;
                                                }
                                                if (errors === _errs41) {
                                                  if (Array.isArray(data14)) {
                                                    if (data14.length > 5) {
                                                      const err13 = { instancePath: instancePath + "/cos/methods", schemaPath: "#/properties/cos/oneOf/0/properties/methods/maxItems", keyword: "maxItems", params: { limit: 5 }, message: "must NOT have more than 5 items" };
                                                      if (vErrors === null) {
                                                        vErrors = [err13];
                                                      } else {
                                                        vErrors.push(err13);
                                                      }
                                                      errors++;
                                                    } else {
                                                      if (data14.length < 1) {
                                                        const err14 = { instancePath: instancePath + "/cos/methods", schemaPath: "#/properties/cos/oneOf/0/properties/methods/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                                                        if (vErrors === null) {
                                                          vErrors = [err14];
                                                        } else {
                                                          vErrors.push(err14);
                                                        }
                                                        errors++;
                                                      } else {
                                                        var valid3 = true;
                                                        const len0 = data14.length;
                                                        for (let i0 = 0; i0 < len0; i0++) {
                                                          let data15 = data14[i0];
                                                          const _errs44 = errors;
                                                          if (typeof data15 !== "string") {
                                                            const err15 = { instancePath: instancePath + "/cos/methods/" + i0, schemaPath: "#/properties/cos/oneOf/0/properties/methods/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                            if (vErrors === null) {
                                                              vErrors = [err15];
                                                            } else {
                                                              vErrors.push(err15);
                                                            }
                                                            errors++;
                                                          }
                                                          if (!(data15 === "GET" || data15 === "PUT" || data15 === "HEAD" || data15 === "POST" || data15 === "DELETE")) {
                                                            const err16 = { instancePath: instancePath + "/cos/methods/" + i0, schemaPath: "#/properties/cos/oneOf/0/properties/methods/items/enum", keyword: "enum", params: { allowedValues: schema26.properties.cos.oneOf[0].properties.methods.items.enum }, message: "must be equal to one of the allowed values" };
                                                            if (vErrors === null) {
                                                              vErrors = [err16];
                                                            } else {
                                                              vErrors.push(err16);
                                                            }
                                                            errors++;
                                                          }
                                                          var valid3 = _errs44 === errors;
                                                          if (!valid3) {
                                                            break;
                                                          }
                                                        }
                                                        if (valid3) {
                                                          let i1 = data14.length;
                                                          let j0;
                                                          if (i1 > 1) {
                                                            const indices0 = {};
                                                            for (; i1--; ) {
                                                              let item0 = data14[i1];
                                                              if (typeof item0 !== "string") {
                                                                continue;
                                                              }
                                                              if (typeof indices0[item0] == "number") {
                                                                j0 = indices0[item0];
                                                                const err17 = { instancePath: instancePath + "/cos/methods", schemaPath: "#/properties/cos/oneOf/0/properties/methods/uniqueItems", keyword: "uniqueItems", params: { i: i1, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i1 + " are identical)" };
                                                                if (vErrors === null) {
                                                                  vErrors = [err17];
                                                                } else {
                                                                  vErrors.push(err17);
                                                                }
                                                                errors++;
                                                                break;
                                                              }
                                                              indices0[item0] = i1;
                                                            }
                                                          }
                                                        }
                                                      }
                                                    }
                                                  }
                                                }
                                                var valid2 = _errs41 === errors;
                                              } else {
                                                var valid2 = true;
                                              }
                                              if (valid2) {
                                                if (data8.max_expires !== void 0) {
                                                  let data16 = data8.max_expires;
                                                  const _errs46 = errors;
                                                  if (!(typeof data16 == "number" && (!(data16 % 1) && !isNaN(data16)) && isFinite(data16)) && data16 !== null) {
                                                    const err18 = { instancePath: instancePath + "/cos/max_expires", schemaPath: "#/properties/cos/oneOf/0/properties/max_expires/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                                                    if (vErrors === null) {
                                                      vErrors = [err18];
                                                    } else {
                                                      vErrors.push(err18);
                                                    }
                                                    errors++;
                                                  }
                                                  if (errors === _errs46) {
                                                    if (typeof data16 == "number" && isFinite(data16)) {
                                                      if (data16 > 604800 || isNaN(data16)) {
                                                        const err19 = { instancePath: instancePath + "/cos/max_expires", schemaPath: "#/properties/cos/oneOf/0/properties/max_expires/maximum", keyword: "maximum", params: { comparison: "<=", limit: 604800 }, message: "must be <= 604800" };
                                                        if (vErrors === null) {
                                                          vErrors = [err19];
                                                        } else {
                                                          vErrors.push(err19);
                                                        }
                                                        errors++;
                                                      } else {
                                                        if (data16 < 1 || isNaN(data16)) {
                                                          const err20 = { instancePath: instancePath + "/cos/max_expires", schemaPath: "#/properties/cos/oneOf/0/properties/max_expires/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                                                          if (vErrors === null) {
                                                            vErrors = [err20];
                                                          } else {
                                                            vErrors.push(err20);
                                                          }
                                                          errors++;
                                                        }
                                                      }
                                                    }
                                                  }
                                                  var valid2 = _errs46 === errors;
                                                } else {
                                                  var valid2 = true;
                                                }
                                                if (valid2) {
                                                  if (data8.max_size !== void 0) {
                                                    let data17 = data8.max_size;
                                                    const _errs49 = errors;
                                                    if (!(typeof data17 == "number" && (!(data17 % 1) && !isNaN(data17)) && isFinite(data17)) && data17 !== null) {
                                                      const err21 = { instancePath: instancePath + "/cos/max_size", schemaPath: "#/properties/cos/oneOf/0/properties/max_size/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                                                      if (vErrors === null) {
                                                        vErrors = [err21];
                                                      } else {
                                                        vErrors.push(err21);
                                                      }
                                                      errors++;
                                                    }
                                                    if (errors === _errs49) {
                                                      if (typeof data17 == "number" && isFinite(data17)) {
                                                        if (data17 > 5368709120 || isNaN(data17)) {
                                                          const err22 = { instancePath: instancePath + "/cos/max_size", schemaPath: "#/properties/cos/oneOf/0/properties/max_size/maximum", keyword: "maximum", params: { comparison: "<=", limit: 5368709120 }, message: "must be <= 5368709120" };
                                                          if (vErrors === null) {
                                                            vErrors = [err22];
                                                          } else {
                                                            vErrors.push(err22);
                                                          }
                                                          errors++;
                                                        } else {
                                                          if (data17 < 1 || isNaN(data17)) {
                                                            const err23 = { instancePath: instancePath + "/cos/max_size", schemaPath: "#/properties/cos/oneOf/0/properties/max_size/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                                                            if (vErrors === null) {
                                                              vErrors = [err23];
                                                            } else {
                                                              vErrors.push(err23);
                                                            }
                                                            errors++;
                                                          }
                                                        }
                                                      }
                                                    }
                                                    var valid2 = _errs49 === errors;
                                                  } else {
                                                    var valid2 = true;
                                                  }
                                                  if (valid2) {
                                                    if (data8.require_content !== void 0) {
                                                      let data18 = data8.require_content;
                                                      const _errs52 = errors;
                                                      if (typeof data18 !== "boolean" && data18 !== null) {
                                                        const err24 = { instancePath: instancePath + "/cos/require_content", schemaPath: "#/properties/cos/oneOf/0/properties/require_content/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                                                        if (vErrors === null) {
                                                          vErrors = [err24];
                                                        } else {
                                                          vErrors.push(err24);
                                                        }
                                                        errors++;
                                                      }
                                                      var valid2 = _errs52 === errors;
                                                    } else {
                                                      var valid2 = true;
                                                    }
                                                  }
                                                }
                                              }
                                            }
                                          }
                                        }
                                      }
                                    }
                                  }
                                }
                              } else {
                                const err25 = { instancePath: instancePath + "/cos", schemaPath: "#/properties/cos/oneOf/0/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                if (vErrors === null) {
                                  vErrors = [err25];
                                } else {
                                  vErrors.push(err25);
                                }
                                errors++;
                              }
                            }
                            var _valid0 = _errs27 === errors;
                            if (_valid0) {
                              valid1 = true;
                              passing0 = 0;
                            }
                            const _errs55 = errors;
                            if (typeof data8 !== "boolean") {
                              const err26 = { instancePath: instancePath + "/cos", schemaPath: "#/properties/cos/oneOf/1/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                              if (vErrors === null) {
                                vErrors = [err26];
                              } else {
                                vErrors.push(err26);
                              }
                              errors++;
                            }
                            if (false !== data8) {
                              const err27 = { instancePath: instancePath + "/cos", schemaPath: "#/properties/cos/oneOf/1/const", keyword: "const", params: { allowedValue: false }, message: "must be equal to constant" };
                              if (vErrors === null) {
                                vErrors = [err27];
                              } else {
                                vErrors.push(err27);
                              }
                              errors++;
                            }
                            var _valid0 = _errs55 === errors;
                            if (_valid0 && valid1) {
                              valid1 = false;
                              passing0 = [passing0, 1];
                            } else {
                              if (_valid0) {
                                valid1 = true;
                                passing0 = 1;
                              }
                            }
                            if (!valid1) {
                              const err28 = { instancePath: instancePath + "/cos", schemaPath: "#/properties/cos/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
                              if (vErrors === null) {
                                vErrors = [err28];
                              } else {
                                vErrors.push(err28);
                              }
                              errors++;
                              validate25.errors = vErrors;
                              return false;
                            } else {
                              errors = _errs26;
                              if (vErrors !== null) {
                                if (_errs26) {
                                  vErrors.length = _errs26;
                                } else {
                                  vErrors = null;
                                }
                              }
                            }
                            var valid0 = _errs25 === errors;
                          } else {
                            var valid0 = true;
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate25.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate25.errors = vErrors;
  return errors === 0;
}
const v16 = validate26;
const schema27 = { "type": "object", "properties": { "appid": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$", "description": "The app." } }, "required": ["appid"], "additionalProperties": false };
function validate26(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.appid === void 0 && (missing0 = "appid")) {
        validate26.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "appid")) {
            validate26.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.appid !== void 0) {
            let data0 = data.appid;
            const _errs2 = errors;
            if (errors === _errs2) {
              if (typeof data0 === "string") {
                if (!pattern0.test(data0)) {
                  validate26.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,64}$"' }];
                  return false;
                }
              } else {
                validate26.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
            }
          }
        }
      }
    } else {
      validate26.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate26.errors = vErrors;
  return errors === 0;
}
const v17 = validate27;
const schema28 = { "type": "object", "required": [], "additionalProperties": false };
function validate27(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      for (const key0 in data) {
        validate27.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
        return false;
        break;
      }
    } else {
      validate27.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate27.errors = vErrors;
  return errors === 0;
}
const v18 = validate28;
const schema29 = { "type": "object", "properties": { "appid": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$", "description": "The app to remove." } }, "required": ["appid"], "additionalProperties": false };
function validate28(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.appid === void 0 && (missing0 = "appid")) {
        validate28.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "appid")) {
            validate28.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.appid !== void 0) {
            let data0 = data.appid;
            const _errs2 = errors;
            if (errors === _errs2) {
              if (typeof data0 === "string") {
                if (!pattern0.test(data0)) {
                  validate28.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,64}$"' }];
                  return false;
                }
              } else {
                validate28.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
            }
          }
        }
      }
    } else {
      validate28.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate28.errors = vErrors;
  return errors === 0;
}
const v19 = validate29;
const schema30 = { "type": "object", "properties": { "corpid": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$", "description": "The WeCom corp id (`ww\u2026`)." }, "agentid": { "type": "string", "pattern": "^[0-9]{1,20}$", "description": 'The agent id: a string of digits (e.g. `"1000002"`), not a JSON number.' }, "agentsecret": { "type": "string", "pattern": "^[\\x21-\\x7e]{1,256}$", "description": "The agent's Secret." }, "remark": { "type": "string", "maxLength": 255, "nullable": true, "description": "A note for people (shown by `mina.admin.agent.list`)." } }, "required": ["corpid", "agentid", "agentsecret"], "additionalProperties": false };
function validate29(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.corpid === void 0 && (missing0 = "corpid") || data.agentid === void 0 && (missing0 = "agentid") || data.agentsecret === void 0 && (missing0 = "agentsecret")) {
        validate29.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "corpid" || key0 === "agentid" || key0 === "agentsecret" || key0 === "remark")) {
            validate29.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.corpid !== void 0) {
            let data0 = data.corpid;
            const _errs2 = errors;
            if (errors === _errs2) {
              if (typeof data0 === "string") {
                if (!pattern0.test(data0)) {
                  validate29.errors = [{ instancePath: instancePath + "/corpid", schemaPath: "#/properties/corpid/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,64}$"' }];
                  return false;
                }
              } else {
                validate29.errors = [{ instancePath: instancePath + "/corpid", schemaPath: "#/properties/corpid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.agentid !== void 0) {
              let data1 = data.agentid;
              const _errs4 = errors;
              if (errors === _errs4) {
                if (typeof data1 === "string") {
                  if (!pattern19.test(data1)) {
                    validate29.errors = [{ instancePath: instancePath + "/agentid", schemaPath: "#/properties/agentid/pattern", keyword: "pattern", params: { pattern: "^[0-9]{1,20}$" }, message: 'must match pattern "^[0-9]{1,20}$"' }];
                    return false;
                  }
                } else {
                  validate29.errors = [{ instancePath: instancePath + "/agentid", schemaPath: "#/properties/agentid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.agentsecret !== void 0) {
                let data2 = data.agentsecret;
                const _errs6 = errors;
                if (errors === _errs6) {
                  if (typeof data2 === "string") {
                    if (!pattern29.test(data2)) {
                      validate29.errors = [{ instancePath: instancePath + "/agentsecret", schemaPath: "#/properties/agentsecret/pattern", keyword: "pattern", params: { pattern: "^[\\x21-\\x7e]{1,256}$" }, message: 'must match pattern "^[\\x21-\\x7e]{1,256}$"' }];
                      return false;
                    }
                  } else {
                    validate29.errors = [{ instancePath: instancePath + "/agentsecret", schemaPath: "#/properties/agentsecret/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                    return false;
                  }
                }
                var valid0 = _errs6 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.remark !== void 0) {
                  let data3 = data.remark;
                  const _errs8 = errors;
                  if (typeof data3 !== "string" && data3 !== null) {
                    validate29.errors = [{ instancePath: instancePath + "/remark", schemaPath: "#/properties/remark/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                    return false;
                  }
                  if (errors === _errs8) {
                    if (typeof data3 === "string") {
                      if (func2(data3) > 255) {
                        validate29.errors = [{ instancePath: instancePath + "/remark", schemaPath: "#/properties/remark/maxLength", keyword: "maxLength", params: { limit: 255 }, message: "must NOT have more than 255 characters" }];
                        return false;
                      }
                    }
                  }
                  var valid0 = _errs8 === errors;
                } else {
                  var valid0 = true;
                }
              }
            }
          }
        }
      }
    } else {
      validate29.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate29.errors = vErrors;
  return errors === 0;
}
const v20 = validate30;
const schema31 = { "type": "object", "required": [], "additionalProperties": false };
function validate30(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      for (const key0 in data) {
        validate30.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
        return false;
        break;
      }
    } else {
      validate30.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate30.errors = vErrors;
  return errors === 0;
}
const v21 = validate31;
const schema32 = { "type": "object", "properties": { "corpid": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$", "description": "The WeCom corp id (`ww\u2026`)." }, "agentid": { "type": "string", "pattern": "^[0-9]{1,20}$", "description": 'The agent id: a string of digits (e.g. `"1000002"`), not a JSON number.' } }, "required": ["corpid", "agentid"], "additionalProperties": false };
function validate31(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.corpid === void 0 && (missing0 = "corpid") || data.agentid === void 0 && (missing0 = "agentid")) {
        validate31.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "corpid" || key0 === "agentid")) {
            validate31.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.corpid !== void 0) {
            let data0 = data.corpid;
            const _errs2 = errors;
            if (errors === _errs2) {
              if (typeof data0 === "string") {
                if (!pattern0.test(data0)) {
                  validate31.errors = [{ instancePath: instancePath + "/corpid", schemaPath: "#/properties/corpid/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,64}$"' }];
                  return false;
                }
              } else {
                validate31.errors = [{ instancePath: instancePath + "/corpid", schemaPath: "#/properties/corpid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.agentid !== void 0) {
              let data1 = data.agentid;
              const _errs4 = errors;
              if (errors === _errs4) {
                if (typeof data1 === "string") {
                  if (!pattern19.test(data1)) {
                    validate31.errors = [{ instancePath: instancePath + "/agentid", schemaPath: "#/properties/agentid/pattern", keyword: "pattern", params: { pattern: "^[0-9]{1,20}$" }, message: 'must match pattern "^[0-9]{1,20}$"' }];
                    return false;
                  }
                } else {
                  validate31.errors = [{ instancePath: instancePath + "/agentid", schemaPath: "#/properties/agentid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
          }
        }
      }
    } else {
      validate31.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate31.errors = vErrors;
  return errors === 0;
}
const v22 = validate32;
const schema33 = { "type": "object", "properties": { "appid": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$", "description": "The app." }, "openid": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,128}$", "description": "The user's openid in that app." } }, "required": ["appid", "openid"], "additionalProperties": false };
function validate32(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.appid === void 0 && (missing0 = "appid") || data.openid === void 0 && (missing0 = "openid")) {
        validate32.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "appid" || key0 === "openid")) {
            validate32.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.appid !== void 0) {
            let data0 = data.appid;
            const _errs2 = errors;
            if (errors === _errs2) {
              if (typeof data0 === "string") {
                if (!pattern0.test(data0)) {
                  validate32.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,64}$"' }];
                  return false;
                }
              } else {
                validate32.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.openid !== void 0) {
              let data1 = data.openid;
              const _errs4 = errors;
              if (errors === _errs4) {
                if (typeof data1 === "string") {
                  if (!pattern3.test(data1)) {
                    validate32.errors = [{ instancePath: instancePath + "/openid", schemaPath: "#/properties/openid/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,128}$"' }];
                    return false;
                  }
                } else {
                  validate32.errors = [{ instancePath: instancePath + "/openid", schemaPath: "#/properties/openid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
          }
        }
      }
    } else {
      validate32.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate32.errors = vErrors;
  return errors === 0;
}
const v23 = validate33;
const schema34 = { "type": "object", "properties": { "id": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,128}$", "description": "Session id from `qcloud.cam.id_skey`." }, "skey": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,128}$", "description": "Session key from `qcloud.cam.id_skey`." }, "appid": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$", "description": "The app; optional where the URL binds one.", "nullable": true }, "key": { "type": "string", "minLength": 1, "maxLength": 850, "description": "The object key, relative (no leading `/`), under the profile's prefix, e.g. `users/<openid>/avatar.jpg`." }, "method": { "type": "string", "enum": ["GET", "PUT", "HEAD", "POST", "DELETE"], "nullable": true, "description": "The HTTP method to sign, one of the profile's methods (default `PUT`)." }, "expires": { "type": "integer", "minimum": 1, "maximum": 604800, "nullable": true, "description": "Lifetime of the signature in seconds, at most the profile's `max_expires` (default 600)." }, "content_type": { "type": "string", "pattern": "^[\\x20-\\x7e]{1,256}$", "nullable": true, "description": "The `Content-Type` the request will send; signed when given." }, "content_length": { "type": "integer", "minimum": 0, "maximum": 5368709120, "nullable": true, "description": "The `Content-Length` in bytes the request will send (at most the profile's `max_size`); signed when given." } }, "required": ["id", "skey", "key"], "additionalProperties": false };
const pattern47 = new RegExp("^[\\x20-\\x7e]{1,256}$", "u");
function validate33(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.id === void 0 && (missing0 = "id") || data.skey === void 0 && (missing0 = "skey") || data.key === void 0 && (missing0 = "key")) {
        validate33.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "id" || key0 === "skey" || key0 === "appid" || key0 === "key" || key0 === "method" || key0 === "expires" || key0 === "content_type" || key0 === "content_length")) {
            validate33.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.id !== void 0) {
            let data0 = data.id;
            const _errs2 = errors;
            if (errors === _errs2) {
              if (typeof data0 === "string") {
                if (!pattern3.test(data0)) {
                  validate33.errors = [{ instancePath: instancePath + "/id", schemaPath: "#/properties/id/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,128}$"' }];
                  return false;
                }
              } else {
                validate33.errors = [{ instancePath: instancePath + "/id", schemaPath: "#/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.skey !== void 0) {
              let data1 = data.skey;
              const _errs4 = errors;
              if (errors === _errs4) {
                if (typeof data1 === "string") {
                  if (!pattern3.test(data1)) {
                    validate33.errors = [{ instancePath: instancePath + "/skey", schemaPath: "#/properties/skey/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,128}$"' }];
                    return false;
                  }
                } else {
                  validate33.errors = [{ instancePath: instancePath + "/skey", schemaPath: "#/properties/skey/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.appid !== void 0) {
                let data2 = data.appid;
                const _errs6 = errors;
                if (typeof data2 !== "string" && data2 !== null) {
                  validate33.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
                if (errors === _errs6) {
                  if (typeof data2 === "string") {
                    if (!pattern0.test(data2)) {
                      validate33.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,64}$"' }];
                      return false;
                    }
                  }
                }
                var valid0 = _errs6 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.key !== void 0) {
                  let data3 = data.key;
                  const _errs9 = errors;
                  if (errors === _errs9) {
                    if (typeof data3 === "string") {
                      if (func2(data3) > 850) {
                        validate33.errors = [{ instancePath: instancePath + "/key", schemaPath: "#/properties/key/maxLength", keyword: "maxLength", params: { limit: 850 }, message: "must NOT have more than 850 characters" }];
                        return false;
                      } else {
                        if (func2(data3) < 1) {
                          validate33.errors = [{ instancePath: instancePath + "/key", schemaPath: "#/properties/key/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }];
                          return false;
                        }
                      }
                    } else {
                      validate33.errors = [{ instancePath: instancePath + "/key", schemaPath: "#/properties/key/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                      return false;
                    }
                  }
                  var valid0 = _errs9 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.method !== void 0) {
                    let data4 = data.method;
                    const _errs11 = errors;
                    if (typeof data4 !== "string" && data4 !== null) {
                      validate33.errors = [{ instancePath: instancePath + "/method", schemaPath: "#/properties/method/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                      return false;
                    }
                    if (!(data4 === "GET" || data4 === "PUT" || data4 === "HEAD" || data4 === "POST" || data4 === "DELETE")) {
                      validate33.errors = [{ instancePath: instancePath + "/method", schemaPath: "#/properties/method/enum", keyword: "enum", params: { allowedValues: schema34.properties.method.enum }, message: "must be equal to one of the allowed values" }];
                      return false;
                    }
                    var valid0 = _errs11 === errors;
                  } else {
                    var valid0 = true;
                  }
                  if (valid0) {
                    if (data.expires !== void 0) {
                      let data5 = data.expires;
                      const _errs14 = errors;
                      if (!(typeof data5 == "number" && (!(data5 % 1) && !isNaN(data5)) && isFinite(data5)) && data5 !== null) {
                        validate33.errors = [{ instancePath: instancePath + "/expires", schemaPath: "#/properties/expires/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                        return false;
                      }
                      if (errors === _errs14) {
                        if (typeof data5 == "number" && isFinite(data5)) {
                          if (data5 > 604800 || isNaN(data5)) {
                            validate33.errors = [{ instancePath: instancePath + "/expires", schemaPath: "#/properties/expires/maximum", keyword: "maximum", params: { comparison: "<=", limit: 604800 }, message: "must be <= 604800" }];
                            return false;
                          } else {
                            if (data5 < 1 || isNaN(data5)) {
                              validate33.errors = [{ instancePath: instancePath + "/expires", schemaPath: "#/properties/expires/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" }];
                              return false;
                            }
                          }
                        }
                      }
                      var valid0 = _errs14 === errors;
                    } else {
                      var valid0 = true;
                    }
                    if (valid0) {
                      if (data.content_type !== void 0) {
                        let data6 = data.content_type;
                        const _errs17 = errors;
                        if (typeof data6 !== "string" && data6 !== null) {
                          validate33.errors = [{ instancePath: instancePath + "/content_type", schemaPath: "#/properties/content_type/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                          return false;
                        }
                        if (errors === _errs17) {
                          if (typeof data6 === "string") {
                            if (!pattern47.test(data6)) {
                              validate33.errors = [{ instancePath: instancePath + "/content_type", schemaPath: "#/properties/content_type/pattern", keyword: "pattern", params: { pattern: "^[\\x20-\\x7e]{1,256}$" }, message: 'must match pattern "^[\\x20-\\x7e]{1,256}$"' }];
                              return false;
                            }
                          }
                        }
                        var valid0 = _errs17 === errors;
                      } else {
                        var valid0 = true;
                      }
                      if (valid0) {
                        if (data.content_length !== void 0) {
                          let data7 = data.content_length;
                          const _errs20 = errors;
                          if (!(typeof data7 == "number" && (!(data7 % 1) && !isNaN(data7)) && isFinite(data7)) && data7 !== null) {
                            validate33.errors = [{ instancePath: instancePath + "/content_length", schemaPath: "#/properties/content_length/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                            return false;
                          }
                          if (errors === _errs20) {
                            if (typeof data7 == "number" && isFinite(data7)) {
                              if (data7 > 5368709120 || isNaN(data7)) {
                                validate33.errors = [{ instancePath: instancePath + "/content_length", schemaPath: "#/properties/content_length/maximum", keyword: "maximum", params: { comparison: "<=", limit: 5368709120 }, message: "must be <= 5368709120" }];
                                return false;
                              } else {
                                if (data7 < 0 || isNaN(data7)) {
                                  validate33.errors = [{ instancePath: instancePath + "/content_length", schemaPath: "#/properties/content_length/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                  return false;
                                }
                              }
                            }
                          }
                          var valid0 = _errs20 === errors;
                        } else {
                          var valid0 = true;
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate33.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate33.errors = vErrors;
  return errors === 0;
}
const v24 = validate34;
const schema35 = { "type": "object", "properties": { "appid": { "type": "string", "pattern": "^[0-9]{1,20}$", "description": "The Tencent Cloud APPID (`a`), e.g. `1250000000`." }, "sid": { "type": "string", "pattern": "^[A-Za-z0-9]{1,128}$", "description": "Your COS SecretId (`k`)." }, "skey": { "type": "string", "pattern": "^[\\x21-\\x7e]{1,256}$", "description": "Your COS SecretKey: signs, and is never stored, logged or returned." }, "bucket": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", "description": "The short bucket name, without `-<appid>` (`b`)." }, "expiration": { "type": "integer", "minimum": 0, "maximum": 9999999999, "description": "`e`: when the signature expires (Unix seconds), as given." }, "filepath": { "type": "string", "maxLength": 1024, "pattern": "^[^\\x00-\\x1f\\x7f]*$", "nullable": true, "description": 'Binds the signature to this file (`/` is prepended when missing); absent or `""`: the whole bucket.' } }, "required": ["appid", "sid", "skey", "bucket", "expiration"], "additionalProperties": false };
const pattern49 = new RegExp("^[A-Za-z0-9]{1,128}$", "u");
const pattern51 = new RegExp("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", "u");
const pattern52 = new RegExp("^[^\\x00-\\x1f\\x7f]*$", "u");
function validate34(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.appid === void 0 && (missing0 = "appid") || data.sid === void 0 && (missing0 = "sid") || data.skey === void 0 && (missing0 = "skey") || data.bucket === void 0 && (missing0 = "bucket") || data.expiration === void 0 && (missing0 = "expiration")) {
        validate34.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "appid" || key0 === "sid" || key0 === "skey" || key0 === "bucket" || key0 === "expiration" || key0 === "filepath")) {
            validate34.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.appid !== void 0) {
            let data0 = data.appid;
            const _errs2 = errors;
            if (errors === _errs2) {
              if (typeof data0 === "string") {
                if (!pattern19.test(data0)) {
                  validate34.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/pattern", keyword: "pattern", params: { pattern: "^[0-9]{1,20}$" }, message: 'must match pattern "^[0-9]{1,20}$"' }];
                  return false;
                }
              } else {
                validate34.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.sid !== void 0) {
              let data1 = data.sid;
              const _errs4 = errors;
              if (errors === _errs4) {
                if (typeof data1 === "string") {
                  if (!pattern49.test(data1)) {
                    validate34.errors = [{ instancePath: instancePath + "/sid", schemaPath: "#/properties/sid/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9]{1,128}$"' }];
                    return false;
                  }
                } else {
                  validate34.errors = [{ instancePath: instancePath + "/sid", schemaPath: "#/properties/sid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.skey !== void 0) {
                let data2 = data.skey;
                const _errs6 = errors;
                if (errors === _errs6) {
                  if (typeof data2 === "string") {
                    if (!pattern29.test(data2)) {
                      validate34.errors = [{ instancePath: instancePath + "/skey", schemaPath: "#/properties/skey/pattern", keyword: "pattern", params: { pattern: "^[\\x21-\\x7e]{1,256}$" }, message: 'must match pattern "^[\\x21-\\x7e]{1,256}$"' }];
                      return false;
                    }
                  } else {
                    validate34.errors = [{ instancePath: instancePath + "/skey", schemaPath: "#/properties/skey/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                    return false;
                  }
                }
                var valid0 = _errs6 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.bucket !== void 0) {
                  let data3 = data.bucket;
                  const _errs8 = errors;
                  if (errors === _errs8) {
                    if (typeof data3 === "string") {
                      if (!pattern51.test(data3)) {
                        validate34.errors = [{ instancePath: instancePath + "/bucket", schemaPath: "#/properties/bucket/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"' }];
                        return false;
                      }
                    } else {
                      validate34.errors = [{ instancePath: instancePath + "/bucket", schemaPath: "#/properties/bucket/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                      return false;
                    }
                  }
                  var valid0 = _errs8 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.expiration !== void 0) {
                    let data4 = data.expiration;
                    const _errs10 = errors;
                    if (!(typeof data4 == "number" && (!(data4 % 1) && !isNaN(data4)) && isFinite(data4))) {
                      validate34.errors = [{ instancePath: instancePath + "/expiration", schemaPath: "#/properties/expiration/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                      return false;
                    }
                    if (errors === _errs10) {
                      if (typeof data4 == "number" && isFinite(data4)) {
                        if (data4 > 9999999999 || isNaN(data4)) {
                          validate34.errors = [{ instancePath: instancePath + "/expiration", schemaPath: "#/properties/expiration/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9999999999 }, message: "must be <= 9999999999" }];
                          return false;
                        } else {
                          if (data4 < 0 || isNaN(data4)) {
                            validate34.errors = [{ instancePath: instancePath + "/expiration", schemaPath: "#/properties/expiration/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                            return false;
                          }
                        }
                      }
                    }
                    var valid0 = _errs10 === errors;
                  } else {
                    var valid0 = true;
                  }
                  if (valid0) {
                    if (data.filepath !== void 0) {
                      let data5 = data.filepath;
                      const _errs12 = errors;
                      if (typeof data5 !== "string" && data5 !== null) {
                        validate34.errors = [{ instancePath: instancePath + "/filepath", schemaPath: "#/properties/filepath/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                        return false;
                      }
                      if (errors === _errs12) {
                        if (typeof data5 === "string") {
                          if (func2(data5) > 1024) {
                            validate34.errors = [{ instancePath: instancePath + "/filepath", schemaPath: "#/properties/filepath/maxLength", keyword: "maxLength", params: { limit: 1024 }, message: "must NOT have more than 1024 characters" }];
                            return false;
                          } else {
                            if (!pattern52.test(data5)) {
                              validate34.errors = [{ instancePath: instancePath + "/filepath", schemaPath: "#/properties/filepath/pattern", keyword: "pattern", params: { pattern: "^[^\\x00-\\x1f\\x7f]*$" }, message: 'must match pattern "^[^\\x00-\\x1f\\x7f]*$"' }];
                              return false;
                            }
                          }
                        }
                      }
                      var valid0 = _errs12 === errors;
                    } else {
                      var valid0 = true;
                    }
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate34.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate34.errors = vErrors;
  return errors === 0;
}
const v25 = validate35;
const schema36 = { "type": "object", "properties": { "appid": { "type": "string", "pattern": "^[0-9]{1,20}$", "description": "The Tencent Cloud APPID (`a`), e.g. `1250000000`." }, "sid": { "type": "string", "pattern": "^[A-Za-z0-9]{1,128}$", "description": "Your COS SecretId (`k`)." }, "skey": { "type": "string", "pattern": "^[\\x21-\\x7e]{1,256}$", "description": "Your COS SecretKey: signs, and is never stored, logged or returned." }, "bucket": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", "description": "The short bucket name, without `-<appid>` (`b`)." }, "filepath": { "type": "string", "maxLength": 1024, "pattern": "^[^\\x00-\\x1f\\x7f]*$", "description": "The file the signature is bound to (`/` is prepended when missing)." } }, "required": ["appid", "sid", "skey", "bucket", "filepath"], "additionalProperties": false };
function validate35(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.appid === void 0 && (missing0 = "appid") || data.sid === void 0 && (missing0 = "sid") || data.skey === void 0 && (missing0 = "skey") || data.bucket === void 0 && (missing0 = "bucket") || data.filepath === void 0 && (missing0 = "filepath")) {
        validate35.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "appid" || key0 === "sid" || key0 === "skey" || key0 === "bucket" || key0 === "filepath")) {
            validate35.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.appid !== void 0) {
            let data0 = data.appid;
            const _errs2 = errors;
            if (errors === _errs2) {
              if (typeof data0 === "string") {
                if (!pattern19.test(data0)) {
                  validate35.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/pattern", keyword: "pattern", params: { pattern: "^[0-9]{1,20}$" }, message: 'must match pattern "^[0-9]{1,20}$"' }];
                  return false;
                }
              } else {
                validate35.errors = [{ instancePath: instancePath + "/appid", schemaPath: "#/properties/appid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.sid !== void 0) {
              let data1 = data.sid;
              const _errs4 = errors;
              if (errors === _errs4) {
                if (typeof data1 === "string") {
                  if (!pattern49.test(data1)) {
                    validate35.errors = [{ instancePath: instancePath + "/sid", schemaPath: "#/properties/sid/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9]{1,128}$"' }];
                    return false;
                  }
                } else {
                  validate35.errors = [{ instancePath: instancePath + "/sid", schemaPath: "#/properties/sid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.skey !== void 0) {
                let data2 = data.skey;
                const _errs6 = errors;
                if (errors === _errs6) {
                  if (typeof data2 === "string") {
                    if (!pattern29.test(data2)) {
                      validate35.errors = [{ instancePath: instancePath + "/skey", schemaPath: "#/properties/skey/pattern", keyword: "pattern", params: { pattern: "^[\\x21-\\x7e]{1,256}$" }, message: 'must match pattern "^[\\x21-\\x7e]{1,256}$"' }];
                      return false;
                    }
                  } else {
                    validate35.errors = [{ instancePath: instancePath + "/skey", schemaPath: "#/properties/skey/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                    return false;
                  }
                }
                var valid0 = _errs6 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.bucket !== void 0) {
                  let data3 = data.bucket;
                  const _errs8 = errors;
                  if (errors === _errs8) {
                    if (typeof data3 === "string") {
                      if (!pattern51.test(data3)) {
                        validate35.errors = [{ instancePath: instancePath + "/bucket", schemaPath: "#/properties/bucket/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"' }];
                        return false;
                      }
                    } else {
                      validate35.errors = [{ instancePath: instancePath + "/bucket", schemaPath: "#/properties/bucket/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                      return false;
                    }
                  }
                  var valid0 = _errs8 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.filepath !== void 0) {
                    let data4 = data.filepath;
                    const _errs10 = errors;
                    if (errors === _errs10) {
                      if (typeof data4 === "string") {
                        if (func2(data4) > 1024) {
                          validate35.errors = [{ instancePath: instancePath + "/filepath", schemaPath: "#/properties/filepath/maxLength", keyword: "maxLength", params: { limit: 1024 }, message: "must NOT have more than 1024 characters" }];
                          return false;
                        } else {
                          if (!pattern52.test(data4)) {
                            validate35.errors = [{ instancePath: instancePath + "/filepath", schemaPath: "#/properties/filepath/pattern", keyword: "pattern", params: { pattern: "^[^\\x00-\\x1f\\x7f]*$" }, message: 'must match pattern "^[^\\x00-\\x1f\\x7f]*$"' }];
                            return false;
                          }
                        }
                      } else {
                        validate35.errors = [{ instancePath: instancePath + "/filepath", schemaPath: "#/properties/filepath/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                        return false;
                      }
                    }
                    var valid0 = _errs10 === errors;
                  } else {
                    var valid0 = true;
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate35.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate35.errors = vErrors;
  return errors === 0;
}

export const validators: Readonly<Record<string, ValidateFunction>> = {
  "qcloud.cam.id_skey": v0,
  "qcloud.cam.auth": v1,
  "qcloud.cam.userinfo": v2,
  "qcloud.cam.decrypt": v2,
  "qcloud.cam.phone": v3,
  "qcloud.cam.logout": v1,
  "qcloud.cam.initdata": v4,
  "qcloud.mimi.access_token": v5,
  "qcloud.mimi.jsapi_ticket": v6,
  "qcloud.mimi.jssdk_signature": v7,
  "qcloud.work.access_token": v8,
  "qcloud.work.ticket": v9,
  "qcloud.work.agent.ticket": v10,
  "qcloud.work.jssdk_signature": v11,
  "mina.admin.key.create": v12,
  "mina.admin.key.list": v13,
  "mina.admin.key.revoke": v14,
  "mina.admin.app.put": v15,
  "mina.admin.app.get": v16,
  "mina.admin.app.list": v17,
  "mina.admin.app.delete": v18,
  "qcloud.work.initagent": v19,
  "mina.admin.agent.list": v20,
  "mina.admin.agent.delete": v21,
  "mina.admin.session.revoke": v22,
  "qcloud.cos.sign": v23,
  "qcloud.cos.auth.reusable": v24,
  "qcloud.cos.auth.nonreusable": v25,
};
