/**
 * Several built Limber servers (`node build`) on one PostgreSQL, and nginx in front of
 * them with the project's own deploy/nginx.conf: what the cluster end-to-end test and
 * `npm run bench:cluster` run. Everything listens on 127.0.0.1 only and is stopped by the
 * caller (`stop()`), or with the process.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { waitForHealth } from './local-server';

const run = promisify(execFile);

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Instance {
	readonly name: string;
	readonly port: number;
	/** http://127.0.0.1:PORT, straight to this server. */
	readonly url: string;
	readonly pid: number;
	/** What the server printed, for a failing test's message. */
	readonly log: string[];
	kill(signal?: NodeJS.Signals): void;
	/** SIGTERM, then waits (at most 5 s) for it to exit. */
	stop(): Promise<void>;
}

export interface InstanceOptions {
	readonly name: string;
	readonly port: number;
	readonly databaseUrl: string;
	/** For LIMBER_DATA_DIR (unused on PostgreSQL, but nothing may land in the repository's data/). */
	readonly dataDir: string;
	readonly env?: Readonly<Record<string, string>>;
	readonly nodeArgs?: readonly string[];
}

/** One `node build` on PostgreSQL, reading the client's address and protocol from the proxy's headers. */
export async function startInstance(options: InstanceOptions): Promise<Instance> {
	const url = `http://127.0.0.1:${options.port}`;
	const log: string[] = [];
	const child = spawn(process.execPath, [...(options.nodeArgs ?? []), 'build'], {
		cwd: ROOT,
		env: {
			...process.env,
			PORT: String(options.port),
			HOST: '127.0.0.1',
			DATABASE_URL: options.databaseUrl,
			LIMBER_DATA_DIR: options.dataDir,
			LIMBER_INSTANCE_ID: options.name,
			PROTOCOL_HEADER: 'x-forwarded-proto',
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1',
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const keep = (d: Buffer) => {
		log.push(d.toString());
		if (log.length > 200) log.shift();
	};
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	try {
		// Generous: a cold start on two cores shared with a browser and other servers can be slow.
		await waitForHealth(url, child, log, 120_000);
	} catch (error) {
		child.kill('SIGKILL');
		throw error;
	}
	return {
		name: options.name,
		port: options.port,
		url,
		pid: child.pid ?? 0,
		log,
		kill: (signal = 'SIGKILL') => void child.kill(signal),
		async stop() {
			if (child.exitCode !== null || child.signalCode !== null) return;
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
		}
	};
}

export interface Proxy {
	/** https://127.0.0.1:PORT: round robin over every server, as deployed. */
	readonly url: string;
	/** Per pin, https://127.0.0.1:PORT: its own server first, the others only when it is down. */
	readonly pinUrls: readonly string[];
	stop(): Promise<void>;
}

export interface ProxyOptions {
	readonly dir: string;
	readonly port: number;
	readonly upstreamPorts: readonly number[];
	/** For each pinned origin: its port and the upstream port it prefers. */
	readonly pins?: readonly { readonly port: number; readonly prefer: number }[];
}

function replaceOnce(text: string, pattern: RegExp | string, replacement: string, what: string): string {
	const next = text.replace(pattern, replacement);
	if (next === text) throw new Error(`deploy/nginx.conf no longer has ${what}: update scripts/lib/limber-cluster.ts`);
	return next;
}

const UPSTREAM_BLOCK = /upstream limber \{([\s\S]*?)\n\}/;

/** The deploy file's upstream block with these servers in place of its own; its other settings (keepalive) kept. */
const upstream = (settings: string, name: string, ports: readonly number[], prefer?: number) =>
	`upstream ${name} {\n${ports
		.map((p) => `\tserver 127.0.0.1:${p} max_fails=1 fail_timeout=5s${prefer !== undefined && p !== prefer ? ' backup' : ''};`)
		.join('\n')}\n${settings}\n}`;

/** deploy/nginx.conf with this machine's ports and certificate: nothing else changed. */
export function proxyConfig(options: ProxyOptions, certificate: { cert: string; key: string }): string {
	let conf = readFileSync(path.join(ROOT, 'deploy', 'nginx.conf'), 'utf8');
	const block = UPSTREAM_BLOCK.exec(conf)?.[1] ?? '';
	const settings = block
		.split('\n')
		.filter((line) => /^\s*[a-z_]+\s/.test(line) && !/^\s*server\s/.test(line))
		.join('\n');
	if (!/keepalive\s/.test(settings)) throw new Error('deploy/nginx.conf no longer has the upstream keepalive: update scripts/lib/limber-cluster.ts');
	conf = replaceOnce(conf, UPSTREAM_BLOCK, upstream(settings, 'limber', options.upstreamPorts), 'the upstream block');
	conf = replaceOnce(conf, /server \{\n\tlisten 80;[\s\S]*?\n\}\n/, '', 'the port 80 redirect');
	conf = replaceOnce(conf, 'listen 443 ssl http2;', `listen 127.0.0.1:${options.port} ssl http2;`, 'listen 443');
	conf = replaceOnce(conf, /ssl_certificate \S+;/, `ssl_certificate ${certificate.cert};`, 'ssl_certificate');
	conf = replaceOnce(conf, /ssl_certificate_key \S+;/, `ssl_certificate_key ${certificate.key};`, 'ssl_certificate_key');
	const main = conf.slice(conf.indexOf('server {'));
	for (const [i, pin] of (options.pins ?? []).entries()) {
		let copy = main.replace(`listen 127.0.0.1:${options.port} ssl http2;`, `listen 127.0.0.1:${pin.port} ssl http2;`);
		copy = copy.replaceAll('proxy_pass http://limber;', `proxy_pass http://limber_pin${i};`);
		conf += `\n${upstream(settings, `limber_pin${i}`, options.upstreamPorts, pin.prefer)}\n\n${copy}`;
	}
	return conf;
}

/** A self-signed certificate for 127.0.0.1 (the browser is told to accept it). */
async function selfSignedCertificate(dir: string): Promise<{ cert: string; key: string }> {
	const cert = path.join(dir, 'cert.pem');
	const key = path.join(dir, 'key.pem');
	await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-keyout', key, '-out', cert]);
	return { cert, key };
}

/** The status of a GET over https, accepting the self-signed certificate. */
export function httpsStatus(url: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = https.get(url, { rejectUnauthorized: false }, (res) => {
			res.resume();
			resolve(res.statusCode ?? 0);
		});
		req.on('error', reject);
		req.setTimeout(5000, () => req.destroy(new Error('timeout')));
	});
}

export async function startProxy(options: ProxyOptions): Promise<Proxy> {
	mkdirSync(options.dir, { recursive: true });
	const certificate = await selfSignedCertificate(options.dir);
	const site = path.join(options.dir, 'limber.conf');
	writeFileSync(site, proxyConfig(options, certificate));
	const temp = (name: string) => path.join(options.dir, name);
	const main = [
		process.getuid?.() === 0 ? 'user root;' : '',
		'daemon off;',
		'worker_processes 1;',
		`pid ${temp('nginx.pid')};`,
		`error_log ${temp('error.log')} warn;`,
		'events { worker_connections 16384; }',
		'http {',
		'\taccess_log off;',
		`\tclient_body_temp_path ${temp('body')};`,
		`\tproxy_temp_path ${temp('proxy')};`,
		`\tfastcgi_temp_path ${temp('fastcgi')};`,
		`\tuwsgi_temp_path ${temp('uwsgi')};`,
		`\tscgi_temp_path ${temp('scgi')};`,
		`\tinclude ${site};`,
		'}'
	].join('\n');
	const conf = temp('nginx.conf');
	writeFileSync(conf, main);
	const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => {
		try {
			readFileSync(p);
			return true;
		} catch {
			return false;
		}
	});
	if (!nginx) throw new Error('nginx is not installed: apt-get install nginx');
	const log: string[] = [];
	const child = spawn(nginx, ['-p', options.dir, '-e', temp('error.log'), '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
	child.stderr?.on('data', (d: Buffer) => log.push(d.toString()));
	const url = `https://127.0.0.1:${options.port}`;
	const deadline = Date.now() + 15_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${log.join('')}\n${readFileSync(temp('error.log'), 'utf8')}`);
		const up = await httpsStatus(`${url}/api/health`).then(
			(status) => status === 200,
			() => false
		);
		if (up) break;
		if (Date.now() > deadline) throw new Error(`nginx did not answer on ${url}: ${log.join('')}`);
		await new Promise((r) => setTimeout(r, 200));
	}
	return {
		url,
		pinUrls: (options.pins ?? []).map((p) => `https://127.0.0.1:${p.port}`),
		async stop() {
			if (child.exitCode !== null) return;
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
		}
	};
}
