/**
 * Sign-in throttling. Per email, so one account cannot be guessed at; per address, so one
 * machine cannot spray guesses over many accounts. Only failures count.
 */
import { RateLimiter } from '../security/rate-limit';

export const SIGN_IN_FAILURES_PER_EMAIL = 5;
export const SIGN_IN_FAILURES_PER_IP = 30;
const WINDOW_MS = 15 * 60 * 1000;

export const signInByEmail = new RateLimiter({ name: 'sign-in-email', limit: SIGN_IN_FAILURES_PER_EMAIL, windowMs: WINDOW_MS });
export const signInByIp = new RateLimiter({ name: 'sign-in-address', limit: SIGN_IN_FAILURES_PER_IP, windowMs: WINDOW_MS });
