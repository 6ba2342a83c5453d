#!/bin/sh
# Prints the seed directories of one fuzz target, one per line, making the
# generated ones under DIR first: the conditions of every knowledge base in
# the tree (fuzz_expr) and typed examples of every value form (fuzz_value).
# usage: tests/fuzz/seeds.sh DIR TARGET
set -eu
dir=$1
name=$2
reg=tests/fuzz/regress/$name

case $name in
fuzz_kb)
	out=$dir/seeds/kb
	rm -rf "$out"
	mkdir -p "$out"
	# The stock knowledge base as one file: each top-level key once.
	awk '/^[a-z_]+:/ { k = $0; sub(/:.*/, "", k); cur = k
		rest = $0; sub(/^[a-z_]+:[ ]*/, "", rest)
		if (!(k in seen)) { seen[k] = 1; order[++n] = k }
		if (rest != "" && rest !~ /^#/) inl[k] = $0
		next }
	    cur != "" { body[cur] = body[cur] $0 "\n" }
	    END { for (i = 1; i <= n; i++) { k = order[i]
		if (k in inl) print inl[k]
		else { print k ":"; printf "%s", body[k] } } }' \
	    rules/*.yaml > "$out/stock.yaml"
	echo "$out" rules tests/kb tests/bad/kb
	;;
fuzz_answers)
	echo data/examples tests/scenarios tests/bad/answers
	;;
fuzz_batch)
	echo data/examples tests/scenarios tests/batch tests/bad/answers
	;;
fuzz_expr)
	out=$dir/seeds/expr
	rm -rf "$out"
	mkdir -p "$out"
	# One file per condition written on one line after "when:".
	sed -n 's/^ *-* *when: *//p' rules/*.yaml tests/kb/*.yaml \
	    tests/bad/kb/*.yaml | sed -e 's/^"\(.*\)"$/\1/' |
	    awk -v out="$out" '{ f = sprintf("%s/c%04d", out, NR);
		printf "%s", $0 > f; close(f) }'
	echo "$out"
	;;
fuzz_value)
	out=$dir/seeds/value
	rm -rf "$out"
	mkdir -p "$out"
	i=0
	# Mode byte (see fuzz_value.c): type = byte % 6; 0xff is --set.
	for m in '\000' '\001' '\002' '\003' '\004' '\005' '\140' '\377'; do
		for t in 30s 10m 4h 1d 1w 1.5h 90min 500MB 2TB 5PB 1.5GiB \
		    3 -7 9223372036854775807 true no yes none strong \
		    '[m0, m3]' 'm1, m2' '[]' unknown '?' latency=10m \
		    'use_cases=[iot, etl]' maturity=3 sql_skills=strong \
		    central_bottleneck=yes volume=2TB; do
			i=$((i + 1))
			printf "$m%s" "$t" > "$out/v$i"
		done
	done
	echo "$out"
	;;
fuzz_writers)
	out=$dir/seeds/writers
	rm -rf "$out"
	mkdir -p "$out"
	# name NUL description NUL answers: hostile strings and plain ones.
	i=0
	for t in 'Plain name' '<script>alert(1)</script>' \
	    '[x](javascript:alert(1))' '<img src=x onerror=alert(1)>' \
	    "$(printf 'x\033]2;PWN\007 \302\233 \342\200\256')" \
	    '=1+1' '# heading' '* item' "$(printf 'e\303\251\303\251')"; do
		i=$((i + 1))
		printf '%s\000%s\000latency=10m\000use_cases=iot' "$t" "$t" \
		    > "$out/w$i"
	done
	echo "$out"
	;;
*)
	echo "seeds.sh: unknown target $name" >&2
	exit 2
	;;
esac
[ -d "$reg" ] && echo "$reg"
exit 0
