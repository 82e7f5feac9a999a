# owned by one line of work; added this session (issue #7)
