import { z } from 'zod';

/** UTF-8 length without relying on TextEncoder (contracts run in Node and browsers, lib ES2022 only). */
function utf8Bytes(s: string): number {
  let bytes = 0;
  for (const ch of s) {
    const code = ch.codePointAt(0) as number;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently truncated. */
export const passwordSchema = z
  .string()
  .min(8, 'use at least 8 characters')
  .refine((p) => utf8Bytes(p) <= 72, 'use at most 72 bytes (bcrypt ignores the rest)');

export const emailSchema = z.string().trim().max(254).email();

/** `POST /api/auth/register` body. */
export const registerSchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().min(1).max(200),
});

/** `POST /api/auth/login` body. */
export const loginSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(1000),
});

/** A user as the API shows it: never a password or a hash. */
export interface UserDto {
  id: string;
  email: string;
  name: string;
  createdAt: string;
}

/** `POST /api/auth/refresh` body: the refresh token of the last login or refresh (used once). */
export const refreshSchema = z.strictObject({
  refreshToken: z.string().min(1).max(200),
});

/** Login and refresh answer: a short-lived access token and the next refresh token of the session. */
export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresInSec: number;
  /** Single use: `POST /api/auth/refresh` exchanges it for a new pair; reusing one ends the session. */
  refreshToken: string;
  /** Until the session ends (it does not slide). */
  refreshExpiresInSec: number;
  user: UserDto;
}

export type RegisterInput = z.output<typeof registerSchema>;
export type LoginInput = z.output<typeof loginSchema>;
