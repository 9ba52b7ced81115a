"""The work-order list page: filters, quick filters, search and the paged table."""
