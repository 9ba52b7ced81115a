"""The user guide opened with F1: one topic per page, shown beside a list of all topics."""
