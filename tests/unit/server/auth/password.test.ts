import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '$lib/server/auth/password';

describe('password hashing', () => {
	it('verifies the right password and refuses a wrong one', async () => {
		const stored = await hashPassword('correct horse battery');
		expect(await verifyPassword('correct horse battery', stored)).toBe(true);
		expect(await verifyPassword('correct horse batterz', stored)).toBe(false);
		expect(await verifyPassword('', stored)).toBe(false);
	});
	it('salts each hash, so equal passwords do not give equal hashes', async () => {
		const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
		expect(a).not.toBe(b);
		expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
	});
	it('stores the scheme and cost with the hash and never the password', async () => {
		const stored = await hashPassword('plain text here');
		expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
		expect(stored).not.toContain('plain');
	});
	it('treats the same characters typed differently (Unicode forms) as the same password', async () => {
		const stored = await hashPassword('Caf\u00e9 au lait');
		expect(await verifyPassword('Cafe\u0301 au lait', stored)).toBe(true);
	});
	it.each(['', 'bcrypt$x', 'scrypt$16384$8$1$', 'scrypt$16384$8$1$c2FsdA$'])('refuses a malformed stored hash %j', async (stored) => {
		expect(await verifyPassword('anything', stored)).toBe(false);
	});
});
