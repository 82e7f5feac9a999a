# bash completion for avideo-live-doctor and avideo-live-doctor-nox: the commands, each command's options and
# file names where an option takes a <file>. All of it is read from the program's own --help (it starts in a
# few tens of milliseconds), so the completion cannot drift from the program.

_avideo_live_doctor_options() { # PROGRAM COMMAND: the long options of COMMAND, one per line
    "$1" "$2" --help 2>/dev/null | awk '/^  -/ {
        term = substr($0, 3); sub(/  .*/, "", term)
        while (match(term, /--[a-z0-9-]+/)) { print substr(term, RSTART, RLENGTH); term = substr(term, RSTART + RLENGTH) }
    }'
}

_avideo_live_doctor_argument() { # PROGRAM COMMAND OPTION: the <kind> of value OPTION takes, if any
    "$1" "$2" --help 2>/dev/null | awk -v option="$3" '/^  -/ {
        term = substr($0, 3); sub(/  .*/, "", term)
        n = split(term, names, /[ ,]+/)
        for (i = 1; i <= n; i++)
            if (names[i] == option && match(term, /<[a-z-]+>/)) { print substr(term, RSTART + 1, RLENGTH - 2); exit }
    }'
}

_avideo_live_doctor() {
    local program=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]} prev="" command="" i
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    for ((i = 1; i < COMP_CWORD; i++)); do
        if [[ ${COMP_WORDS[i]} != -* ]]; then
            command=${COMP_WORDS[i]}
            break
        fi
    done
    COMPREPLY=()

    if [[ -z $command ]]; then
        if [[ $cur == -* ]]; then
            mapfile -t COMPREPLY < <(compgen -W '--help --version' -- "$cur")
        else
            mapfile -t COMPREPLY < <(compgen -W "$("$program" --help 2>/dev/null |
                awk '/^Commands/ { listing = 1; next } listing && /^  [a-z]/ { print $1 }')" -- "$cur")
        fi
        return
    fi

    if [[ $prev == -* ]]; then
        case $(_avideo_live_doctor_argument "$program" "$command" "$prev") in
        file)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            return
            ;;
        format)
            mapfile -t COMPREPLY < <(compgen -W 'jpg png webp gif' -- "$cur")
            return
            ;;
        ?*) return ;; # a value of its own (a URL, a number, a name): nothing to offer
        esac
    fi
    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$(_avideo_live_doctor_options "$program" "$command")" -- "$cur")
    fi
}

complete -F _avideo_live_doctor avideo-live-doctor avideo-live-doctor-nox
