# bash completion for archadvisor(1)                       -*- shell-script -*-
#
# The program being completed says what may replace the word being typed
# ('archadvisor complete line -- WORD...'), reading the line as its option
# parser would and from the same tables: commands, options, what each
# option's value is, formats, and the pattern and question ids and values
# of the knowledge base the line would load (its --rules,
# $ARCHADVISOR_RULES, the user's rules.d). This script only passes the
# words and shows the answer. Needs bash alone, not bash-completion.

_archadvisor()
{
	local -a words=() out=()
	local i w n cur keep line files="" dirs="" nospace=""

	# Put back together what COMP_WORDBREAKS split at '=': "--set",
	# "latency", "=", "1h" are the shell words "--set" "latency=1h".
	for ((i = 0; i <= COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		n=${#words[@]}
		if ((n > 1)) && [[ $w == "=" || ${words[n - 1]} == *= ]]; then
			words[n - 1]+=$w
		else
			words+=("$w")
		fi
	done
	n=${#words[@]}
	cur=${words[n - 1]}
	# Readline replaces only what follows the last '=' of the word.
	keep=""
	[[ $cur == *=* && $COMP_WORDBREAKS == *=* ]] && keep=${cur%=*}=
	COMPREPLY=()
	while IFS= read -r line; do
		case $line in
		:files) files=1 ;;
		:dirs) dirs=1 ;;
		:nospace) nospace=1 ;;
		*)
			line=${line%%$'\t'*}
			COMPREPLY+=("${line#"$keep"}")
			;;
		esac
	done < <("${words[0]}" complete line -- "${words[@]:1}" 2>/dev/null)
	[[ -n $nospace ]] && compopt -o nospace 2>/dev/null
	if [[ -n $files || -n $dirs ]]; then
		compopt -o filenames 2>/dev/null
		mapfile -t out < <(compgen ${dirs:+-d} ${files:+-f} -- \
		    "${cur#"$keep"}")
		COMPREPLY+=("${out[@]}")
	fi
	return 0
}
complete -F _archadvisor archadvisor
