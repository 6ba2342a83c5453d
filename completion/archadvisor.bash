# bash completion for archadvisor(1)                       -*- shell-script -*-
#
# Every word comes from the program being completed, through its
# 'archadvisor complete ...' command: the commands, each command's options
# (and which take an argument: FILE, PATH, DIR, FMT, WHEN, ID=VALUE) and
# operands, the formats, and the pattern and question ids and values of the
# knowledge base that the command line would load: the --rules given so far,
# $ARCHADVISOR_RULES and the user's rules.d, so extensions complete too.
# Needs only bash itself, not the bash-completion package.

# Fills _aa_argof (option -> argument name) and _aa_long (long options)
# for command $2 of program $1 ("" for the options before a command).
_archadvisor_options()
{
	local o a
	_aa_argof=()
	_aa_long=()
	while IFS=$'\t' read -r o a; do
		[[ $o == --* ]] && _aa_long+=("$o")
		[[ -n $a ]] && _aa_argof[$o]=$a
	done < <("$1" complete options ${2:+"$2"} 2>/dev/null)
}

_archadvisor()
{
	local -a words=() rules=() _aa_long=()
	local -A _aa_argof=()
	local i w cur prev prog cmd="" opt="" val="" kind n nargs=0 first=""

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
	prev=""
	((n > 1)) && prev=${words[n - 2]}
	prog=${words[0]}
	COMPREPLY=()

	# Find the command, its operands so far, and every --rules.
	_archadvisor_options "$prog" ""
	for ((i = 1; i < n - 1; i++)); do
		w=${words[i]}
		case $w in
		--rules=*)
			rules+=(--rules "${w#*=}")
			continue
			;;
		-?*)
			if [[ $w != *=* && -n ${_aa_argof[$w]} ]]; then
				if [[ $w == -r || $w == --rules ]] &&
				    ((i + 1 < n - 1)); then
					rules+=(--rules "${words[i + 1]}")
				fi
				((i++))
			fi
			continue
			;;
		esac
		if [[ -z $cmd ]]; then
			cmd=$w
			_archadvisor_options "$prog" "$cmd"
		else
			[[ -z $first ]] && first=$w
			((nargs++))
		fi
	done

	# An option's argument: "--format j" or "--format=j".
	if [[ $cur == --*=* ]]; then
		opt=${cur%%=*}
		val=${cur#*=}
	elif [[ $prev == -?* && $prev != *=* && -n ${_aa_argof[$prev]} ]]; then
		opt=$prev
		val=$cur
	fi
	if [[ -n $opt ]]; then
		kind=${_aa_argof[$opt]}
		case $kind in
		FILE | PATH)
			compopt -o filenames 2>/dev/null
			COMPREPLY=($(compgen -f -- "$val"))
			;;
		DIR)
			compopt -o filenames 2>/dev/null
			COMPREPLY=($(compgen -d -- "$val"))
			;;
		FMT | FORMAT)
			COMPREPLY=($(compgen -W "$("$prog" complete formats \
			    ${cmd:+"$cmd"} 2>/dev/null)" -- "$val"))
			;;
		WHEN)
			COMPREPLY=($(compgen -W "auto always never" -- "$val"))
			;;
		ID=VALUE)
			if [[ $val == *=* ]]; then
				COMPREPLY=($(compgen -W "$("$prog" "${rules[@]}" \
				    complete values "${val%%=*}" 2>/dev/null)" \
				    -- "${val#*=}"))
			else
				compopt -o nospace 2>/dev/null
				COMPREPLY=($(compgen -S = -W "$("$prog" \
				    "${rules[@]}" complete questions \
				    2>/dev/null)" -- "$val"))
			fi
			;;
		PATTERN)
			COMPREPLY=($(compgen -W "$("$prog" "${rules[@]}" \
			    complete patterns 2>/dev/null)" -- "$val"))
			;;
		esac
		return 0
	fi

	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "${_aa_long[*]}" -- "$cur"))
		return 0
	fi
	if [[ -z $cmd ]]; then
		COMPREPLY=($(compgen -W "$("$prog" complete commands \
		    2>/dev/null)" -- "$cur"))
		return 0
	fi
	if [[ $cmd == complete ]]; then
		if ((nargs == 0)); then
			COMPREPLY=($(compgen -W "commands options formats \
			    operands patterns questions values" -- "$cur"))
		elif ((nargs == 1)) && [[ $first == values ]]; then
			COMPREPLY=($(compgen -W "$("$prog" "${rules[@]}" \
			    complete questions 2>/dev/null)" -- "$cur"))
		elif ((nargs == 1)) && [[ $first == options ||
		    $first == formats || $first == operands ]]; then
			COMPREPLY=($(compgen -W "$("$prog" complete commands \
			    2>/dev/null)" -- "$cur"))
		fi
		return 0
	fi
	# The operands the command's usage line names: PATTERN, QUESTION,
	# else files; "..." repeats the last one.
	local -a ops=()
	local op=""
	mapfile -t ops < <("$prog" complete operands "$cmd" 2>/dev/null)
	if ((nargs < ${#ops[@]})); then
		op=${ops[nargs]}
	elif ((${#ops[@]} > 0)) && [[ ${ops[${#ops[@]} - 1]} == *... ]]; then
		op=${ops[${#ops[@]} - 1]}
	fi
	case ${op%...} in
	"") ;;
	PATTERN)
		COMPREPLY=($(compgen -W "$("$prog" "${rules[@]}" complete \
		    patterns 2>/dev/null)" -- "$cur"))
		;;
	QUESTION)
		COMPREPLY=($(compgen -W "$("$prog" "${rules[@]}" complete \
		    questions 2>/dev/null)" -- "$cur"))
		;;
	*)
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -f -- "$cur"))
		;;
	esac
	return 0
}
complete -F _archadvisor archadvisor
