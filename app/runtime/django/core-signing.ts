/** `django/core/signing` for user code. */
export {
  b62_decode,
  b62_encode,
  BadSignature,
  dumps,
  loads,
  SignatureExpired,
  Signer,
  TimestampSigner,
} from '../../engine/signing/index.ts'
