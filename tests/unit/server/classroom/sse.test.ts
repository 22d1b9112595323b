import { describe, expect, it } from 'vitest';
import { encodeEvent, HEARTBEAT, parseLastEventId } from '$lib/server/classroom/sse';

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('encodeEvent', () => {
	it('writes event, id and data and ends with a blank line', () => {
		expect(text(encodeEvent('state', '{"seq":4}', 4))).toBe('event: state\nid: 4\ndata: {"seq":4}\n\n');
	});
	it('leaves out the id when there is none (the roster must not move Last-Event-ID)', () => {
		expect(text(encodeEvent('roster', '[]'))).toBe('event: roster\ndata: []\n\n');
	});
	it('splits data on every kind of line break so no line can end the event early', () => {
		expect(text(encodeEvent('x', 'a\nb\r\nc\rd'))).toBe('event: x\ndata: a\ndata: b\ndata: c\ndata: d\n\n');
	});
	it('heartbeats are comments', () => {
		expect(text(HEARTBEAT).startsWith(':')).toBe(true);
		expect(text(HEARTBEAT).endsWith('\n\n')).toBe(true);
	});
});

describe('parseLastEventId', () => {
	it.each([
		['12', 12],
		[' 7 ', 7],
		['0', 0]
	])('reads %j as %i', (header, seq) => {
		expect(parseLastEventId(header)).toBe(seq);
	});
	it.each([null, '', '-1', '1.5', 'abc', '12abc', '9999999999999999999'])('ignores %j', (header) => {
		expect(parseLastEventId(header)).toBeNull();
	});
});
