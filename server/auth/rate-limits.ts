// The account rate limits. Sign-in counts failures only (per email and per client IP); the
// requests that send mail count every request, whether or not the address has an account, so
// a refusal never says which addresses exist.
import type { RateLimitRule } from "../rate-limit/rate-limiter";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const signInMessage = "Too many sign-in attempts. Wait {wait} and try again, or reset your password.";

export const accountRateLimits = {
  loginEmail: { scope: "login_email", limit: 10, windowMs: 15 * MINUTE, message: signInMessage },
  loginIp: { scope: "login_ip", limit: 50, windowMs: 15 * MINUTE, message: signInMessage },
  signUpEmail: { scope: "signup_email", limit: 5, windowMs: HOUR, message: "Too many sign-up attempts. Try again in {wait}." },
  signUpIp: { scope: "signup_ip", limit: 20, windowMs: HOUR, message: "Too many sign-ups from your network. Try again in {wait}." },
  resetEmail: { scope: "reset_email", limit: 5, windowMs: HOUR, message: "Too many reset requests. Try again in {wait}." },
  resetIp: { scope: "reset_ip", limit: 30, windowMs: HOUR, message: "Too many reset requests. Try again in {wait}." },
  verifyResend: { scope: "verify_resend", limit: 5, windowMs: HOUR, message: "We've sent several links already. Try again in {wait}." },
} satisfies Record<string, RateLimitRule>;
