# fish completion for archadvisor(1).
#
# As for bash and zsh, the program being completed says what may replace
# the token being typed, each with a description ('archadvisor complete
# line -- WORD...'), from the tables its option parser reads and from the
# knowledge base the line would load (its --rules, $ARCHADVISOR_RULES, the
# user's rules.d).

function __archadvisor_complete
    set -l words (commandline -opc)
    set -l cur (commandline -ct)
    set -l files
    for line in ($words[1] complete line -- $words[2..-1] $cur 2>/dev/null)
        switch $line
            case :files :dirs
                set files $line
            case ':*'
                # fish adds no space after a word that ends in '='.
            case '*'
                printf '%s\n' $line
        end
    end
    if test -n "$files"
        # "--answers=FILE": the file name is what follows the '='.
        set -l keep (string match -r -- '^-[^=]*=' $cur)
        set -l value (string replace -r -- '^-[^=]*=' '' $cur)
        if test $files = :dirs
            __fish_complete_directories $value | string replace -r -- '^' "$keep"
        else
            __fish_complete_path $value | string replace -r -- '^' "$keep"
        end
    end
end

complete -c archadvisor -f -a '(__archadvisor_complete)'
