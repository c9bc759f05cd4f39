// Webhook signing secrets. The signature needs the secret itself, so it cannot be stored as a hash:
// it is stored encrypted (AES-256-GCM) under a key derived from AUTH_SECRET (HKDF-SHA256), shown once
// when the webhook is created, and never logged. Changing AUTH_SECRET makes the stored secrets
// unreadable: their webhooks must be created again.
import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { authSecret } from '@/lib/env';

const keyOf = (secret: string) => Buffer.from(hkdfSync('sha256', secret, '', 'member-care webhook secrets', 32));

/** A new signing secret: 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** `iv.tag.ciphertext`, each base64url. */
export function encryptSecret(secret: string, key = keyOf(authSecret())): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function decryptSecret(stored: string, key = keyOf(authSecret())): string {
  const [iv, tag, body] = stored.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !body) throw new Error('malformed webhook secret');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}
