/** Citizen notifications: SMS texts and the outbox sender. */
export { DEFAULT_RETRY_POLICY, type RetryPolicy, RetryPolicyError, retryDelayMs } from './backoff';
export { gsm7Length, isGsm7Char, SMS_MAX_SEPTETS } from './gsm7';
export { OUTBOX_KINDS, type OutboxKind } from './outbox-kinds';
export { createLogProvider, type NotifyLogger } from './providers/log';
export { maskPhone } from './providers/mask';
export { SIGNATURE_HEADER, signatureHeader, verifySignature } from './providers/signature';
export {
  isProviderError,
  type OutgoingSms,
  ProviderError,
  type ProviderErrorCode,
  type SmsProvider,
} from './providers/types';
export { createWebhookProvider, type WebhookProviderConfig } from './providers/webhook';
export {
  createOutboxSender,
  type DrainReport,
  NOTIFICATION_FAILED_INCIDENT,
  type OutboxSender,
  type OutboxSenderConfig,
} from './sender';
export {
  MAX_KIOSK_NAME_SEPTETS,
  renderSms,
  SMS_KINDS,
  type SmsKind,
  type SmsNotice,
  SmsTextError,
  smsKioskName,
} from './sms-text';
export { stripVietnameseDiacritics } from './unaccent';
