/**
 * The red-flag screen asked at first use (NICE NG59, NHS CKS, BASS 2018 cauda equina
 * guidance; facts in CONTENT.md). Two lists: signs that need emergency care now, and signs
 * that need a doctor before any exercise programme goes on.
 */
import type { SafetyEvent, SafetyOutcome } from './records';

export interface RedFlag {
	readonly id: string;
	readonly question: string;
}

export const EMERGENCY_FLAGS: readonly RedFlag[] = [
	{ id: 'urine', question: 'New trouble passing urine, or you can no longer feel it flow' },
	{ id: 'saddle', question: 'Numbness or a changed feeling around your bottom, genitals or inner thighs' },
	{ id: 'continence', question: 'New loss of control of your bladder or bowels' },
	{ id: 'sexual', question: 'New problems with sexual function' },
	{ id: 'both-legs', question: 'Pain running down both legs (sciatica in both legs)' },
	{ id: 'weak-legs', question: 'Weakness in both legs that is getting worse' }
];

export const DOCTOR_FLAGS: readonly RedFlag[] = [
	{ id: 'injury', question: 'The pain started after a bad fall or injury' },
	{
		id: 'bones',
		question: 'You have osteoporosis or take steroid tablets long-term, and the pain came on suddenly and badly'
	},
	{ id: 'cancer', question: 'You have had cancer' },
	{ id: 'weight', question: 'You are losing weight without trying' },
	{ id: 'constant', question: 'The pain is constant, rest does not ease it, or it is worse at night' },
	{ id: 'fever', question: 'You have a fever, or your immune system is weakened (by illness or medicine)' },
	{ id: 'one-leg', question: 'One leg or foot is getting weaker or more numb (for example the foot catches as you walk)' },
	{ id: 'stiffness', question: 'You are stiff for a long time every morning and the pain wakes you' }
];

const EMERGENCY_IDS = new Set(EMERGENCY_FLAGS.map((f) => f.id));
const DOCTOR_IDS = new Set(DOCTOR_FLAGS.map((f) => f.id));

/** Emergency outranks see-a-doctor; no flags at all is clear. Unknown ids are ignored. */
export function screeningOutcome(flagged: readonly string[]): SafetyOutcome {
	if (flagged.some((id) => EMERGENCY_IDS.has(id))) return 'emergency';
	if (flagged.some((id) => DOCTOR_IDS.has(id))) return 'see-doctor';
	return 'clear';
}

/**
 * Whether the programme may run, from the safety events on the device.
 * - `unscreened`: the screen has never been answered.
 * - `emergency` / `see-doctor`: the latest screen found a red flag, or a check-in reported
 *   new leg symptoms, and the person has not since confirmed a doctor cleared them.
 * An emergency can be cleared the same way: after emergency care the person's doctor
 * decides, and the person says so.
 */
export type SafetyStatus =
	| { readonly state: 'unscreened' }
	| { readonly state: 'clear'; readonly since: string }
	| { readonly state: 'emergency' | 'see-doctor'; readonly since: string; readonly because: 'screening' | 'leg-symptoms' };

export function safetyStatus(events: readonly SafetyEvent[]): SafetyStatus {
	const ordered = [...events].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
	let status: SafetyStatus = { state: 'unscreened' };
	for (const e of ordered) {
		if (e.kind === 'screening') {
			status =
				e.outcome === 'clear'
					? { state: 'clear', since: e.at }
					: { state: e.outcome, since: e.at, because: 'screening' };
		} else if (e.kind === 'leg-symptoms') {
			// Leg symptoms before any screen still hold the programme: the screen comes next.
			status = { state: 'see-doctor', since: e.at, because: 'leg-symptoms' };
		} else if (status.state === 'emergency' || status.state === 'see-doctor') {
			status = { state: 'clear', since: e.at };
		}
	}
	return status;
}
