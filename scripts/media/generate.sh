#!/usr/bin/env bash
# Generates Limber's cue sounds into static/media/sounds/ (run with `npm run media`).
#
# Every sound is synthesised with sox from sine partials (no samples, no noise), peak-
# normalised so nothing clips, then encoded twice with ffmpeg: WebM/Opus for most
# browsers and M4A/AAC for Safari. Mono, 48 kHz, a second or two at most.
# Intermediate files are 32-bit float and sox runs with -R -D (repeatable, no dither),
# and ffmpeg runs bit-exact without metadata, so reruns give identical files on the
# same sox/ffmpeg versions.
#
# Usage: bash scripts/media/generate.sh [output-dir]   (default static/media/sounds)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$root/static/media/sounds}"
for tool in sox soxi ffmpeg; do
	command -v "$tool" >/dev/null || { echo "media: $tool is required (apt-get install $tool)" >&2; exit 1; }
done
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

rate=48000
serial=0 # numbers temporary files
sox_() { sox -R -D -V1 "$@"; }
# Float intermediates keep quiet partials precise until the final normalise.
float=(-r "$rate" -c 1 -e floating-point -b 32)

# partial FILE FREQ LENGTH AMP DECAY
#   One sine partial. DECAY "exp" fades exponentially over the whole length (a struck
#   bell); "flat" holds and ends with a short rounded fade (a beep).
partial() {
	local file=$1 freq=$2 len=$3 amp=$4 decay=$5
	if [[ $decay == exp ]]; then
		# sox's "l" fade falls 100 dB over its length: run it over twice the note and keep
		# the first half, so a note decays by about 50 dB and then closes with a short fade.
		local twice
		twice=$(awk -v l="$len" 'BEGIN { printf "%.4f", 2 * l }')
		sox_ -n "${float[@]}" "$file" synth "$twice" sine "$freq" vol "$amp" \
			fade l 0.004 "$twice" "$twice" trim 0 "$len" fade q 0 "$len" 0.03
	else
		local tail
		tail=$(awk -v l="$len" 'BEGIN { t = l * 0.35; if (t > 0.06) t = 0.06; printf "%.4f", t }')
		sox_ -n "${float[@]}" "$file" synth "$len" sine "$freq" vol "$amp" fade q 0.004 "$len" "$tail"
	fi
}

# mix FILE PART... : sum the parts, each scaled by 1/n. sox works in fixed point inside,
#   so a sum past full scale would clip even between float files; finish() normalises.
mix() {
	local file=$1; shift
	if (($# == 1)); then cp "$1" "$file"; return; fi
	local args=() share
	share=$(awk -v n=$# 'BEGIN { printf "%.6f", 1 / n }')
	for p in "$@"; do args+=(-v "$share" "$p"); done
	sox_ -m "${args[@]}" "${float[@]}" "$file"
}

# beep FILE FREQ LENGTH [BRIGHT]
#   A steady tone; BRIGHT=1 adds odd harmonics (a square-ish, cutting timbre for rooms).
beep() {
	local file=$1 freq=$2 len=$3 bright=${4:-0} n=$((++serial))
	local f1="$tmp/b$n-1.wav" f2="$tmp/b$n-2.wav" f3="$tmp/b$n-3.wav"
	partial "$f1" "$freq" "$len" 1 flat
	if ((bright)); then
		partial "$f2" "$(awk -v f="$freq" 'BEGIN{print f*3}')" "$len" 0.33 flat
		partial "$f3" "$(awk -v f="$freq" 'BEGIN{print f*5}')" "$len" 0.18 flat
	else
		partial "$f2" "$(awk -v f="$freq" 'BEGIN{print f*2}')" "$len" 0.2 flat
		partial "$f3" "$(awk -v f="$freq" 'BEGIN{print f*3}')" "$len" 0.05 flat
	fi
	mix "$file" "$f1" "$f2" "$f3"
}

# bell FILE FREQ LENGTH
#   A soft struck bell: a fundamental with a few slightly inharmonic partials that die
#   away faster than it does.
bell() {
	local file=$1 freq=$2 len=$3 n=$((++serial))
	local parts=() i=0
	# ratio amplitude share-of-length
	while read -r ratio amp share; do
		i=$((i + 1))
		local f l
		f=$(awk -v a="$freq" -v r="$ratio" 'BEGIN{printf "%.3f", a*r}')
		l=$(awk -v a="$len" -v s="$share" 'BEGIN{printf "%.4f", a*s}')
		partial "$tmp/bell$n-$i.wav" "$f" "$l" "$amp" exp
		parts+=("$tmp/bell$n-$i.wav")
	done <<-PARTIALS
		1 1 1
		2.001 0.35 0.6
		3.012 0.15 0.4
		4.166 0.08 0.25
	PARTIALS
	mix "$file" "${parts[@]}"
}

# at FILE OFFSET IN : IN delayed by OFFSET seconds (for layering notes with mix).
at() { sox_ "$3" "${float[@]}" "$1" pad "$2" 0; }

# finish ID PEAK_DB IN : normalise, trim the sub-audible tail, and encode both formats.
#   Lossy codecs shift the phases of partials, so a decoded peak can rise above the
#   source's (class-tick's odd harmonics gain about 2 dB in AAC). After encoding, both
#   files are decoded and measured; if either peaks above $ceiling dBFS, the source is
#   turned down by the excess and encoded again.
#   A lead of $lead s of silence keeps the attack out of AAC's first (priming) frame,
#   where it otherwise overshoots; players may start cues that much early.
ceiling=-1.0
lead=0.01
finish() {
	local id=$1 peak=$2 in=$3 wav="$tmp/final-$1.wav" try webm_peak m4a_peak worst
	for try in 1 2 3 4 5 6; do
		sox_ "$in" -r "$rate" -c 1 -b 16 -e signed-integer "$wav" \
			gain -n "$peak" reverse silence 1 0.005 -70d reverse pad "$lead" 0
		local common=(-nostdin -hide_banner -loglevel error -y -i "$wav" -map_metadata -1 -ac 1
			-fflags +bitexact -flags:a +bitexact)
		ffmpeg "${common[@]}" -c:a libopus -b:a 48k -application audio "$out/$id.webm"
		ffmpeg "${common[@]}" -c:a aac -b:a 64k -movflags +faststart "$out/$id.m4a"
		webm_peak=$(decoded_peak "$out/$id.webm")
		m4a_peak=$(decoded_peak "$out/$id.m4a")
		worst=$(awk -v a="$webm_peak" -v b="$m4a_peak" 'BEGIN { print (a > b ? a : b) }')
		if awk -v w="$worst" -v c="$ceiling" 'BEGIN { exit !(w <= c) }'; then break; fi
		if ((try == 6)); then
			echo "media: $id still peaks at $worst dBFS after encoding; lower its level" >&2
			exit 1
		fi
		peak=$(awk -v p="$peak" -v w="$worst" -v c="$ceiling" 'BEGIN { printf "%.1f", p - (w - c) - 0.3 }')
	done
	printf '%-12s %5.2f s  source peak %5s dBFS  %-24s %6s B  %-23s %6s B  decoded peaks %s / %s dBFS\n' \
		"$id" "$(soxi -D "$wav")" "$peak" "sounds/$id.webm" "$(stat -c %s "$out/$id.webm")" \
		"sounds/$id.m4a" "$(stat -c %s "$out/$id.m4a")" "$webm_peak" "$m4a_peak"
}

# Peak of a decoded file in dBFS, one decimal.
decoded_peak() {
	ffmpeg -nostdin -hide_banner -loglevel error -i "$1" -f f32le -ac 1 -ar "$rate" - |
		sox -t f32 -r "$rate" -c 1 - -n stat 2>&1 |
		awk '/Maximum amplitude/ { mx = $3 } /Minimum amplitude/ { mn = -$3 }
			END { p = (mx > mn ? mx : mn); if (p <= 0) print "-inf"; else printf "%.1f", 20 * log(p) / log(10) }'
}

echo "media: writing cue sounds to ${out#"$root"/}"

# tick: the short "3, 2, 1" countdown beep.
beep "$tmp/tick.wav" 1000 0.09
finish tick -4 "$tmp/tick.wav"

# count-in: one soft bell at the start of "get ready".
bell "$tmp/count-in.wav" 784 0.6
finish count-in -6 "$tmp/count-in.wav"

# start: a brighter open fifth (A5 + E6) when work begins.
bell "$tmp/s1.wav" 880 0.7
bell "$tmp/s2.wav" 1318.5 0.6
mix "$tmp/start.wav" "$tmp/s1.wav" "$tmp/s2.wav"
finish start -3 "$tmp/start.wav"

# switch: two quick rising beeps, "change sides".
beep "$tmp/w1.wav" 660 0.11
beep "$tmp/w2b.wav" 880 0.11
at "$tmp/w2.wav" 0.17 "$tmp/w2b.wav"
mix "$tmp/switch.wav" "$tmp/w1.wav" "$tmp/w2.wav"
finish switch -4 "$tmp/switch.wav"

# rest: a falling pair of soft bells (G5 then C5).
bell "$tmp/r1.wav" 784 0.6
bell "$tmp/r2b.wav" 523.25 0.8
at "$tmp/r2.wav" 0.22 "$tmp/r2b.wav"
mix "$tmp/rest.wav" "$tmp/r1.wav" "$tmp/r2.wav"
finish rest -6 "$tmp/rest.wav"

# step-end: a rising pair (E5 then B5), "that exercise is done".
bell "$tmp/e1.wav" 659.25 0.5
bell "$tmp/e2b.wav" 987.77 0.7
at "$tmp/e2.wav" 0.16 "$tmp/e2b.wav"
mix "$tmp/step-end.wav" "$tmp/e1.wav" "$tmp/e2.wav"
finish step-end -4 "$tmp/step-end.wav"

# session-end: a gentle chime, C major arpeggio with long overlapping tails.
notes=(523.25 659.25 783.99 1046.5)
parts=()
for i in "${!notes[@]}"; do
	bell "$tmp/c$i-raw.wav" "${notes[$i]}" 2.2
	at "$tmp/c$i.wav" "$(awk -v i="$i" 'BEGIN{printf "%.2f", i*0.2}')" "$tmp/c$i-raw.wav"
	parts+=("$tmp/c$i.wav")
done
mix "$tmp/session-end.wav" "${parts[@]}"
finish session-end -3 "$tmp/session-end.wav"

# class-tick: the room version of tick, longer, brighter and louder.
beep "$tmp/class-tick.wav" 1000 0.3 1
finish class-tick -1 "$tmp/class-tick.wav"

# class-start: the room version of start: two long bright beeps rising a fifth (A5, E6),
# the second ringing on as a bell.
beep "$tmp/cs1.wav" 880 0.32 1
beep "$tmp/cs2b.wav" 1318.5 0.45 1
bell "$tmp/cs3b.wav" 1318.5 1.0
at "$tmp/cs2.wav" 0.4 "$tmp/cs2b.wav"
at "$tmp/cs3.wav" 0.4 "$tmp/cs3b.wav"
mix "$tmp/class-start.wav" "$tmp/cs1.wav" "$tmp/cs2.wav" "$tmp/cs3.wav"
finish class-start -1 "$tmp/class-start.wav"

# wake-chime: the sleep timer's "bring me back gently": two low, soft bells a fourth apart
# (G4, then C5) with long tails and a rounded attack. At most 5 s long, which Chromium
# treats as a transient sound rather than content of its own (media_content_type.cc), so it
# does not take the lock-screen controls away from the paused session.
bell "$tmp/k1.wav" 392 3.6
bell "$tmp/k2b.wav" 523.25 3.2
at "$tmp/k2.wav" 0.6 "$tmp/k2b.wav"
mix "$tmp/wake-raw.wav" "$tmp/k1.wav" "$tmp/k2.wav"
sox_ "$tmp/wake-raw.wav" "${float[@]}" "$tmp/wake-chime.wav" fade q 0.05
finish wake-chime -9 "$tmp/wake-chime.wav"

total=$(du -cb "$out"/*.webm "$out"/*.m4a | tail -n 1 | cut -f 1)
echo "media: $(ls "$out"/*.webm "$out"/*.m4a | wc -l) files, $total bytes in ${out#"$root"/}"
