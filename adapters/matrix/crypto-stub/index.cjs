'use strict';
// Why this exists: @matrix-org/matrix-sdk-crypto-nodejs downloads its native library from
// GitHub in a postinstall script. Where that download fails (offline CI, no GitHub access) it
// fails silently, and its loader then require()s this platform package, which is not published
// on npm, so merely importing matrix-bot-sdk threw. The loader tries the downloaded
// ./matrix-sdk-crypto.linux-x64-gnu.node first, so a machine that has the real library never
// reaches this file. Here every export is a placeholder that throws only when touched, so a
// MatrixClient without a crypto store works and an encryption-enabled one fails loudly.

const MESSAGE =
  'matrix-sdk-crypto native library not installed: end-to-end encryption is unavailable ' +
  '(the download of matrix-sdk-crypto.linux-x64-gnu.node failed at npm install; ' +
  'rerun `node node_modules/@matrix-org/matrix-sdk-crypto-nodejs/download-lib.js` with GitHub access)';

function unavailable(name) {
  const fail = () => {
    const error = new Error(`${MESSAGE} [${name}]`);
    error.code = 'RELAIS_NO_NATIVE_CRYPTO';
    throw error;
  };
  // Harmless introspection (inspection, promise checks, test matchers) must not throw.
  const quiet = new Set(['then', 'toJSON', 'constructor', 'name', 'length', 'prototype', 'toString', 'valueOf', 'asymmetricMatch', '$$typeof', 'nodeType', 'inspect']);
  return new Proxy(function placeholder() {}, {
    apply: fail,
    construct: fail,
    get(target, key, receiver) {
      if (typeof key === 'symbol' || quiet.has(key)) return Reflect.get(target, key, receiver);
      return fail();
    },
  });
}

// The names the loader destructures from the native binding (index.js of 0.1.0-beta.6).
const NAMES = [
  'Attachment', 'EncryptedAttachment', 'EncryptionAlgorithm', 'EncryptionSettings', 'ShieldColor',
  'ShieldState', 'HistoryVisibility', 'UserId', 'DeviceId', 'DeviceKeyId', 'DeviceKeyAlgorithm',
  'DeviceKeyAlgorithmName', 'RoomId', 'ServerName', 'StoreType', 'OlmMachine', 'CrossSigningStatus',
  'KeysUploadRequest', 'KeysQueryRequest', 'KeysClaimRequest', 'ToDeviceRequest',
  'SignatureUploadRequest', 'RoomMessageRequest', 'KeysBackupRequest', 'RequestType',
  'DecryptedRoomEvent', 'DeviceLists', 'Signatures', 'Signature', 'MaybeSignature',
  'Ed25519PublicKey', 'Ed25519Signature', 'Curve25519PublicKey', 'IdentityKeys', 'Versions',
  'getVersions',
];

for (const name of NAMES) module.exports[name] = unavailable(name);
module.exports.isRelaisStub = true;
