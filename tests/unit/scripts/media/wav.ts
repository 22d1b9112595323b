/** A WAV file (16-bit mono PCM) made in the test: a tone of `toneSec` between stretches of quiet. */
export function toneWav(toneSec: number, quietSec = 0.3, rate = 48_000): Buffer {
	const total = Math.round((toneSec + 2 * quietSec) * rate);
	const data = Buffer.alloc(total * 2);
	const start = Math.round(quietSec * rate);
	const end = start + Math.round(toneSec * rate);
	for (let i = 0; i < total; i++) {
		const t = i / rate;
		// A voice-like buzz: a 180 Hz fundamental and two harmonics, faded in and out over 20 ms.
		const env = i < start || i >= end ? 0 : Math.min(1, (i - start) / (0.02 * rate), (end - i) / (0.02 * rate));
		const s = env * 0.3 * (Math.sin(2 * Math.PI * 180 * t) + 0.5 * Math.sin(2 * Math.PI * 360 * t) + 0.25 * Math.sin(2 * Math.PI * 540 * t));
		data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, s)) * 32767), i * 2);
	}
	const h = Buffer.alloc(44);
	h.write('RIFF', 0);
	h.writeUInt32LE(36 + data.length, 4);
	h.write('WAVE', 8);
	h.write('fmt ', 12);
	h.writeUInt32LE(16, 16);
	h.writeUInt16LE(1, 20);
	h.writeUInt16LE(1, 22);
	h.writeUInt32LE(rate, 24);
	h.writeUInt32LE(rate * 2, 28);
	h.writeUInt16LE(2, 32);
	h.writeUInt16LE(16, 34);
	h.write('data', 36);
	h.writeUInt32LE(data.length, 40);
	return Buffer.concat([h, data]);
}
