# owned by one line of work
